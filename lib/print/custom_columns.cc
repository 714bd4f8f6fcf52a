#include "print/custom_columns.h"

#include <optional>
#include <string>

#include "go/os.h"
#include "go/strings.h"
#include "json/encode.h"
#include "jsonpath/go_format.h"
#include "jsonpath/jsonpath.h"
#include "jsonpath/parser.h"
#include "jsonpath/relaxed.h"
#include "print/terminal_escape.h"

namespace pvcwatch::print {
namespace {

constexpr std::string_view kNoColumns =
    "custom-columns format specified but no custom columns given";
constexpr std::string_view kTemplateFormat =
    " Expected format is one line of space separated headers, one line of space separated "
    "column specs.";

// bufio.MaxScanTokenSize: the longest line bufio.Scanner reads, with its terminator.
constexpr std::size_t kMaxScanTokenSize = 64 * 1024;

// The next line as bufio.Scanner with ScanLines reads it: up to '\n', one '\r' before it
// dropped. A line that does not fit the scanner's buffer with its terminator ('\n', or
// the end of the text) ends the scan (ErrTooLong), as does the end of the text.
std::optional<std::string_view> ScanLine(std::string_view text, std::size_t& pos) {
  if (pos >= text.size()) return std::nullopt;
  const std::string_view rest = text.substr(pos);
  const std::size_t newline = rest.find('\n');
  const std::size_t size = newline == std::string_view::npos ? rest.size() : newline;
  if (size + 1 > kMaxScanTokenSize) return std::nullopt;
  pos += newline == std::string_view::npos ? size : size + 1;
  std::string_view line = rest.substr(0, size);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string RelaxedPath(std::string_view path) {
  try {
    return jsonpath::RelaxedJsonPathExpression(path);
  } catch (const jsonpath::ParseError& e) {
    throw CustomColumnsError(e.what());
  }
}

// Unstructured's GetKind and GetAPIVersion: the member when it is a string, else "".
std::string_view StringMember(const json::Value& object, std::string_view key) {
  const json::Value* member = object.Find(key);
  return member && member->IsString() ? member->AsString() : std::string_view();
}

// The items of a List as unstructured.UnstructuredJSONScheme decodes them (apimachinery
// unstructured/helpers.go, decodeToList), which PrintObj sees: "items" an array or null,
// each item an object or null; an item with neither a kind nor an apiVersion gets the
// List's apiVersion and its kind less "List". `fixed` holds the items so changed.
std::vector<const json::Value*> ListItems(const json::Value& list, const json::Value& items,
                                          std::vector<json::Value>& fixed) {
  if (!items.IsArray() && !items.IsNull()) {
    throw CustomColumnsError("json: cannot unmarshal " + json::UnmarshalTypeName(items) +
                             " into Go struct field decodeList.items of type []json.RawMessage");
  }
  std::string_view item_kind = StringMember(list, "kind");
  if (item_kind.size() >= 4 && item_kind.substr(item_kind.size() - 4) == "List") {
    item_kind.remove_suffix(4);
  }
  const std::string_view api_version = StringMember(list, "apiVersion");
  fixed.reserve(items.items().size());
  std::vector<const json::Value*> out;
  for (const json::Value& item : items.items()) {
    if (!item.IsObject() && !item.IsNull()) {
      throw CustomColumnsError("json: cannot unmarshal " + json::UnmarshalTypeName(item) +
                               " into Go value of type map[string]interface {}");
    }
    if (!StringMember(item, "kind").empty() || !StringMember(item, "apiVersion").empty()) {
      out.push_back(&item);
      continue;
    }
    json::Value& copy = fixed.emplace_back(item);
    copy.Set("kind", json::Value::String(std::string(item_kind)));
    copy.Set("apiVersion", json::Value::String(std::string(api_version)));
    out.push_back(&copy);
  }
  return out;
}

// A column's cell (customcolumn.go, printOneObject): every result of every node, each as
// fmt.Sprint prints it and then printers.EscapeTerminal (ESC and CR only), joined by
// ','; "<none>" first when the first node found nothing.
void AppendCell(const std::vector<std::vector<jsonpath::Result>>& results, std::string& row) {
  bool first = true;
  if (results.empty() || results.front().empty()) {
    row += "<none>";
    first = false;
  }
  for (const auto& node_results : results) {
    for (const jsonpath::Result& result : node_results) {
      // Go's reflect.Value.Interface() panics on the zero Value; no relaxed path is known
      // to reach it (a range hands its empty body interface values, not zero ones).
      if (result.kind == jsonpath::Result::Kind::kInvalid) {
        throw CustomColumnsError("reflect: call of reflect.Value.Interface on zero Value");
      }
      if (!first) row += ',';
      first = false;
      row += EscapeTerminal(jsonpath::FormatValue(result));
    }
  }
}

// One row: the cells of every column, or nothing when a column fails.
void PrintRow(const json::Value& object, std::vector<jsonpath::JsonPath>& parsers,
              TabWriter& writer) {
  std::string row;
  for (std::size_t ix = 0; ix < parsers.size(); ++ix) {
    if (ix > 0) row += '\t';
    try {
      AppendCell(parsers[ix].FindResults(object), row);
    } catch (const jsonpath::ExecuteError& e) {
      throw CustomColumnsError(e.what());
    }
  }
  row += '\n';
  writer.Write(row);
}

}  // namespace

CustomColumnsPrinter CustomColumnsPrinter::FromSpec(std::string_view spec, bool no_headers) {
  if (spec.empty()) throw CustomColumnsError(std::string(kNoColumns));
  std::vector<Column> columns;
  for (std::size_t start = 0;;) {
    const std::size_t comma = spec.find(',', start);
    const std::string_view part = spec.substr(start, comma - start);
    const std::size_t colon = part.find(':');
    if (colon == std::string_view::npos) {
      throw CustomColumnsError("unexpected custom-columns spec: " + std::string(part) +
                               ", expected <header>:<json-path-expr>");
    }
    columns.push_back({std::string(part.substr(0, colon)), RelaxedPath(part.substr(colon + 1))});
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return CustomColumnsPrinter(std::move(columns), no_headers);
}

CustomColumnsPrinter CustomColumnsPrinter::FromTemplate(std::string_view text) {
  std::size_t pos = 0;
  const std::optional<std::string_view> header_line = ScanLine(text, pos);
  if (!header_line) {
    throw CustomColumnsError("invalid template, missing header line." +
                             std::string(kTemplateFormat));
  }
  const std::optional<std::string_view> spec_line = ScanLine(text, pos);
  if (!spec_line) {
    throw CustomColumnsError("invalid template, missing spec line." + std::string(kTemplateFormat));
  }
  const std::vector<std::string_view> headers = go::Fields(*header_line);
  const std::vector<std::string_view> specs = go::Fields(*spec_line);
  if (headers.size() != specs.size()) {
    throw CustomColumnsError("number of headers (" + std::to_string(headers.size()) +
                             ") and field specifications (" + std::to_string(specs.size()) +
                             ") don't match");
  }
  std::vector<Column> columns;
  for (std::size_t ix = 0; ix < headers.size(); ++ix) {
    columns.push_back({std::string(headers[ix]), RelaxedPath(specs[ix])});
  }
  // Upstream's template printer is made with NoHeaders false whatever --no-headers says.
  return CustomColumnsPrinter(std::move(columns), false);
}

CustomColumnsPrinter CustomColumnsPrinter::LoadTemplate(const std::string& path) {
  if (path.empty()) throw CustomColumnsError(std::string(kNoColumns));
  std::string error;
  std::optional<go::File> file = go::File::Open(path, &error);
  if (!file) {
    // kubectl's text ends in "\n", which its error handler does not double.
    throw CustomColumnsError("error reading template " + path + ", " + error);
  }
  // The scanner reads two lines of at most 64 KiB each, so no more than this decides; a
  // read error ends the text as the end of the file would (a directory reads as empty).
  std::string text(2 * kMaxScanTokenSize + 1, '\0');
  std::size_t size = 0;
  while (size < text.size()) {
    int errnum = 0;
    const long n = file->Read(text.data() + size, text.size() - size, &errnum);
    if (n <= 0) break;
    size += static_cast<std::size_t>(n);
  }
  text.resize(size);
  return FromTemplate(text);
}

void CustomColumnsPrinter::PrintObject(const json::Value& object, TabWriter& writer) {
  // The decoder's checks come first: kubectl never calls PrintObj on such a List.
  const json::Value* items = object.Find("items");
  std::vector<json::Value> fixed;
  std::vector<const json::Value*> list;
  if (items) list = ListItems(object, *items, fixed);

  // The header follows the Go type (reflect.TypeOf), so a List after an object, or an
  // object after a List, prints it again; the kind does not matter.
  const GoType type = items ? GoType::kUnstructuredList : GoType::kUnstructured;
  if (!no_headers_ && type != last_type_) {
    std::string line;
    for (std::size_t ix = 0; ix < columns_.size(); ++ix) {
      if (ix > 0) line += '\t';
      line += columns_[ix].header;
    }
    line += '\n';
    writer.Write(line);
    last_type_ = type;
  }

  // Upstream parses the paths anew on every PrintObj, after the header, keeping
  // missing keys quiet; the items of one List share the parsed paths (and their state).
  std::vector<jsonpath::JsonPath> parsers;
  parsers.reserve(columns_.size());
  for (const Column& column : columns_) {
    try {
      parsers.emplace_back(column.field_spec).AllowMissingKeys(true);
    } catch (const jsonpath::ParseError& e) {
      throw CustomColumnsError(e.what());
    }
  }
  if (!items) {
    PrintRow(object, parsers, writer);
    return;
  }
  for (const json::Value* item : list) PrintRow(*item, parsers, writer);
}

}  // namespace pvcwatch::print
