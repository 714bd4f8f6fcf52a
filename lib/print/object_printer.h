#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "json/value.h"
#include "jsonpath/jsonpath.h"
#include "print/custom_columns.h"
#include "print/tab_writer.h"

namespace pvcwatch::print {

/// kubectl's printers of objects (cli-runtime ResourcePrinter): -o name, -o jsonpath,
/// -o custom-columns. One printer serves a whole run, as kubectl keeps one for a watch.
class ObjectPrinter {
 public:
  virtual ~ObjectPrinter() = default;
  /// Prints `object` as PrintObj does (a List: what the printer does with lists). Throws
  /// std::runtime_error with kubectl's text.
  virtual void PrintObject(const json::Value& object) = 0;
  /// Prints a watch event (--output-watch-events) as PrintObj prints a metav1.WatchEvent:
  /// by default the event itself, {"type": ..., "object": ...}.
  virtual void PrintEvent(std::string_view type, const json::Value& object);
  /// Writes out what is held back (custom columns align a block of rows, as kubectl's tab
  /// writer does between its flushes: the whole first list, then each watch event).
  virtual void Flush() {}
};

/// -o name: "persistentvolumeclaim/NAME" per object (cli-runtime NamePrinter); a List
/// prints its items, a watch event its object.
class NamePrinter : public ObjectPrinter {
 public:
  explicit NamePrinter(std::ostream& out) : out_(out) {}
  void PrintObject(const json::Value& object) override;
  void PrintEvent(std::string_view type, const json::Value& object) override;

 private:
  std::ostream& out_;
};

/// -o jsonpath=TEMPLATE and -o jsonpath-as-json (cli-runtime JSONPathPrinter): the
/// template executed on each object given. Throws from the constructor with kubectl's
/// "error parsing jsonpath ..." text, from PrintObject with "error executing jsonpath ...".
class JsonPathPrinter : public ObjectPrinter {
 public:
  JsonPathPrinter(std::ostream& out, std::string_view text, bool allow_missing_keys,
                  bool json_output);
  void PrintObject(const json::Value& object) override;

 private:
  std::ostream& out_;
  std::string text_;
  jsonpath::JsonPath path_;
};

/// -o custom-columns (kubectl's CustomColumnsPrinter) through one tab writer for the
/// whole run, so a watch's rows keep the widths of the list's.
class CustomColumnsObjectPrinter : public ObjectPrinter {
 public:
  CustomColumnsObjectPrinter(std::ostream& out, CustomColumnsPrinter printer)
      : writer_(out), printer_(std::move(printer)) {}
  void PrintObject(const json::Value& object) override;
  void Flush() override { writer_.Flush(); }

 private:
  TabWriter writer_;
  CustomColumnsPrinter printer_;
};

/// kubectl's JSON printer, as --output-watch-events -o json uses it: an object as indented
/// JSON, a watch event as one compact line.
class JsonPrinter : public ObjectPrinter {
 public:
  explicit JsonPrinter(std::ostream& out) : out_(out) {}
  void PrintObject(const json::Value& object) override;
  void PrintEvent(std::string_view type, const json::Value& object) override;

 private:
  std::ostream& out_;
};

/// kubectl's YAML printer: documents separated by "---" (from the second on).
class YamlPrinter : public ObjectPrinter {
 public:
  explicit YamlPrinter(std::ostream& out) : out_(out) {}
  void PrintObject(const json::Value& object) override;

 private:
  std::ostream& out_;
  bool printed_ = false;
};

/// The List kubectl get's generic printers are given for a listing (printGeneric):
/// {"apiVersion": "v1", "items": [...], "kind": "List", "metadata": {"resourceVersion": ""}}.
json::Value ListDocument(std::vector<json::Value> items);

/// A watch event as json.Marshal writes a metav1.WatchEvent, {"type":...,"object":...}
/// (members in that order, not sorted: it is a Go struct), and a newline.
std::string FormatWatchEventLine(std::string_view type, const json::Value& object);

/// The same event as a document, for printers that take one (YAML, JSONPath).
json::Value WatchEventDocument(std::string_view type, json::Value object);

}  // namespace pvcwatch::print
