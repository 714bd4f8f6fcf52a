#include "print/object_printer.h"

#include <algorithm>
#include <cctype>
#include <ostream>
#include <stdexcept>

#include "json/encode.h"
#include "jsonpath/parser.h"
#include "jsonpath/printer_error.h"
#include "print/yaml_printer.h"

namespace pvcwatch::print {
namespace {

bool IsList(const json::Value& object) {
  // meta.IsListType: an object with an items array (unstructured lists always have one).
  const json::Value* items = object.Find("items");
  return items != nullptr && items->IsArray();
}

jsonpath::JsonPath ParseTemplate(std::string_view text) {
  try {
    return jsonpath::JsonPath(text);
  } catch (const jsonpath::ParseError& e) {
    throw std::runtime_error(jsonpath::FormatParseError(text, e.what()));
  }
}

}  // namespace

void ObjectPrinter::PrintEvent(std::string_view type, const json::Value& object) {
  PrintObject(WatchEventDocument(type, object));
}

void NamePrinter::PrintObject(const json::Value& object) {
  if (IsList(object)) {
    for (const json::Value& item : object["items"].items()) PrintObject(item);
    return;
  }
  // GetObjectGroupKind and printObj: the kind lower-cased, ".group" when it has one.
  const std::string api_version(object["apiVersion"].AsString());
  std::string kind(object["kind"].AsString());
  if (api_version.empty() && kind.empty()) {
    throw std::runtime_error(
        "missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the "
        "type");
  }
  std::string name(object["metadata"]["name"].AsString());
  if (name.empty()) name = "<unknown>";
  if (kind.empty()) {
    throw std::runtime_error("missing kind for resource with name " + name);
  }
  std::transform(kind.begin(), kind.end(), kind.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  const size_t slash = api_version.find('/');
  const std::string group = slash == std::string::npos ? "" : api_version.substr(0, slash);
  out_ << kind << (group.empty() ? "" : "." + group) << "/" << name << "\n";
}

void NamePrinter::PrintEvent(std::string_view, const json::Value& object) { PrintObject(object); }

JsonPathPrinter::JsonPathPrinter(std::ostream& out, std::string_view text, bool allow_missing_keys,
                                 bool json_output)
    : out_(out), text_(text), path_(ParseTemplate(text)) {
  path_.AllowMissingKeys(allow_missing_keys);
  path_.EnableJsonOutput(json_output);
}

void JsonPathPrinter::PrintObject(const json::Value& object) {
  std::string text;
  try {
    path_.Execute(object, text);
  } catch (const jsonpath::ExecuteError& e) {
    out_ << text;
    throw std::runtime_error(jsonpath::FormatExecuteError(text_, e.what(), object));
  }
  out_ << text;
}

void CustomColumnsObjectPrinter::PrintObject(const json::Value& object) {
  try {
    printer_.PrintObject(object, writer_);
  } catch (const CustomColumnsError&) {
    writer_.Flush();  // what was printed before the failure, as kubectl's writer holds it
    throw;
  }
}

void JsonPrinter::PrintObject(const json::Value& object) { json::PrintJson(object, out_); }

void JsonPrinter::PrintEvent(std::string_view type, const json::Value& object) {
  out_ << FormatWatchEventLine(type, object);
}

void YamlPrinter::PrintObject(const json::Value& object) {
  if (printed_) out_ << "---\n";
  printed_ = true;
  PrintYaml(object, out_);
}

json::Value ListDocument(std::vector<json::Value> items) {
  json::Value list;
  list.Set("apiVersion", json::Value::String("v1"));
  list.Set("items", json::Value::MakeArray(std::move(items)));
  list.Set("kind", json::Value::String("List"));
  json::Value metadata;
  metadata.Set("resourceVersion", json::Value::String(""));
  list.Set("metadata", std::move(metadata));
  return list;
}

std::string FormatWatchEventLine(std::string_view type, const json::Value& object) {
  std::string line = "{\"type\":";
  json::AppendJsonString(line, type);
  line += ",\"object\":" + json::CompactJson(object) + "}\n";
  return line;
}

json::Value WatchEventDocument(std::string_view type, json::Value object) {
  json::Value event;
  event.Set("type", json::Value::String(std::string(type)));
  event.Set("object", std::move(object));
  return event;
}

}  // namespace pvcwatch::print
