#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json/value.h"

namespace pvcwatch::print {

/// An error kubectl's sorter returns ("couldn't find any field with path ...", a JSONPath
/// parse error, "array index out of bounds: ..."): kubectl prints "error: " + what(), exit 1.
class SortError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// kubectl ends the process inside a comparison: klog.Exitf (exit 1, an unsortable value),
/// klog.Fatalf (exit 255, the field failed on an object; klog adds a goroutine dump) or a Go
/// panic (exit 2, source() empty). what() is the text after klog's "F... <source>] " header.
class SortExit : public std::runtime_error {
 public:
  SortExit(const std::string& message, int exit_code, std::string source)
      : std::runtime_error(message), exit_code_(exit_code), source_(std::move(source)) {}
  int exit_code() const { return exit_code_; }
  /// Where klog says it logged from, e.g. "sorter.go:329".
  const std::string& source() const { return source_; }

 private:
  int exit_code_;
  std::string source_;
};

/// The table printer's outcome: the order to print the rows in or, when `dropped_error` is
/// set, the error SortingPrinter returned, which kubectl's Run ignores: it prints no table.
struct TableOrder {
  std::vector<std::size_t> rows;
  std::string dropped_error;
};

/// kubectl's --sort-by FIELD (k8s.io/kubectl pkg/cmd/get sorter.go and get.go, v0.37), in
/// the three ways `kubectl get` applies it. Each returns original indices in printed order.
/// Objects are claims as the server sent them (json::Parse); strings compare bytewise.
class SortBy {
 public:
  /// Keeps FIELD; nothing is checked until there is something to sort, as upstream.
  explicit SortBy(std::string_view field) : field_(field) {}

  /// -o json|yaml|name|jsonpath|custom-columns (printGeneric -> SortingPrinter.sortObj):
  /// sorts one object or more. Throws SortError or SortExit.
  std::vector<std::size_t> ListOrder(const std::vector<json::Value>& objects) const;
  /// The human printer on objects (--server-print=false: Run's RuntimeSorter): two objects
  /// or more. Throws SortError or SortExit.
  std::vector<std::size_t> ObjectsOrder(const std::vector<json::Value>& objects) const;
  /// The default human table (rows' objects from includeObject=Object): two rows or more.
  /// Throws SortExit; an error is returned, as kubectl drops it.
  TableOrder TableRowsOrder(const std::vector<json::Value>& rows) const;

 private:
  std::string field_;
};

}  // namespace pvcwatch::print
