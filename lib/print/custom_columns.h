#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json/value.h"
#include "print/tab_writer.h"

namespace pvcwatch::print {

/// A custom-columns spec or template kubectl rejects, or an object it fails to print; the
/// message is kubectl's word for word, without kubectl's "error: " prefix.
class CustomColumnsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// kubectl's -o custom-columns=SPEC and -o custom-columns-file=FILE printer
/// (k8s.io/kubectl/pkg/cmd/get/customcolumn.go, CustomColumnsPrinter). Keep one for a whole
/// watch: it remembers which header it printed last, as upstream does.
class CustomColumnsPrinter {
 public:
  /// One column: its header and its JSONPath after RelaxedJSONPathExpression ("{.a.b}").
  struct Column {
    std::string header;
    std::string field_spec;
  };

  /// NewCustomColumnsPrinterFromSpec: "NAME:.metadata.name,SIZE:.spec...", split at every
  /// ','. Throws CustomColumnsError for an empty spec, a part without ':' or a path that
  /// RelaxedJSONPathExpression rejects; a path JSONPath rejects fails in PrintObject.
  static CustomColumnsPrinter FromSpec(std::string_view spec, bool no_headers);

  /// NewCustomColumnsPrinterFromTemplate on a template's text: a line of headers, a line of
  /// paths, both split at white space. Headers are always printed: upstream has no
  /// --no-headers here. Throws CustomColumnsError with upstream's text.
  static CustomColumnsPrinter FromTemplate(std::string_view text);

  /// What -o custom-columns-file=PATH does (CustomColumnsPrintFlags.ToPrinter): reads the
  /// file, then FromTemplate. Throws CustomColumnsError ("error reading template PATH,
  /// open PATH: no such file or directory").
  static CustomColumnsPrinter LoadTemplate(const std::string& path);

  /// The columns, in the order they print.
  const std::vector<Column>& columns() const { return columns_; }

  /// PrintObj: a header line when headers are on and the object's Go type (object or
  /// List: any object with an "items" member, as kubectl's decoder has it) differs from
  /// the last one printed, then a row for the object, or for each item of a List. Writes through
  /// `writer` and does not flush it (kubectl flushes after each watch event). Throws
  /// CustomColumnsError, after the header, with what was printed kept.
  void PrintObject(const json::Value& object, TabWriter& writer);

 private:
  enum class GoType { kNone, kUnstructured, kUnstructuredList };

  CustomColumnsPrinter(std::vector<Column> columns, bool no_headers)
      : columns_(std::move(columns)), no_headers_(no_headers) {}

  std::vector<Column> columns_;
  bool no_headers_ = false;
  GoType last_type_ = GoType::kNone;
};

}  // namespace pvcwatch::print
