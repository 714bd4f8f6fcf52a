#include "print/claim_table.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <ostream>

#include "print/human_duration.h"
#include "print/terminal_escape.h"
#include "pvc/claim.h"
#include "quantity/quantity.h"

namespace pvcwatch::print {
namespace {

const std::vector<std::string> kColumns = {
    "NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS",
    "AGE"};

std::string Text(const json::Value& v) { return std::string(v.AsString()); }

// GetAccessModesAsString: each known mode once, in a fixed order, comma-joined.
std::string AccessModes(const json::Value& modes) {
  static const std::pair<const char*, const char*> kOrder[] = {{"ReadWriteOnce", "RWO"},
                                                               {"ReadOnlyMany", "ROX"},
                                                               {"ReadWriteMany", "RWX"},
                                                               {"ReadWriteOncePod", "RWOP"}};
  std::string out;
  for (const auto& [mode, abbreviation] : kOrder) {
    // Captured by copy: clang 14 (the fuzz build) cannot capture a structured binding.
    bool present =
        std::any_of(modes.items().begin(), modes.items().end(),
                    [mode = mode](const json::Value& m) { return m.AsString() == mode; });
    if (!present) continue;
    if (!out.empty()) out += ",";
    out += abbreviation;
  }
  return out;
}

// A bound claim's capacity as the server prints it: the canonical form of the quantity,
// "0" (a zero Quantity's String()) while the status has none.
std::string Capacity(const json::Value& storage) {
  if (storage.IsNull()) return "0";
  try {
    return Quantity::Parse(storage.AsString()).String();
  } catch (const std::exception&) {
    return Text(storage);
  }
}

std::string Age(const json::Value& timestamp, std::chrono::system_clock::time_point now) {
  if (timestamp.IsNull() || timestamp.AsString().empty()) return "<unknown>";
  try {
    return TranslateTimestampSince(ParseCreationTimestamp(timestamp.AsString()), now);
  } catch (const std::exception&) {
    // Servers never send one; offline input might. A bad age is not worth a failed table.
    return "<unknown>";
  }
}

// labels.FormatLabels: k=v sorted by key, comma-joined, or <none>.
std::string Labels(const json::Value& labels) {
  std::map<std::string, std::string> sorted;
  for (const auto& [key, value] : labels.members()) sorted[key] = Text(value);
  if (sorted.empty()) return "<none>";
  std::string out;
  for (const auto& [key, value] : sorted) {
    if (!out.empty()) out += ",";
    out += key + "=" + value;
  }
  return out;
}

// Each cell is written with a tab after it; the last tab becomes the line's end. A line
// without cells (a server Table without columns) is an empty line, as kubectl prints it.
void EndLine(std::string& line) {
  if (line.empty()) {
    line = "\n";
  } else {
    line.back() = '\n';
  }
}

// formatEventType (cli-runtime tableprinter.go): the known types padded to 8.
std::string EventCell(std::string_view type) {
  if (type == "ADDED" || type == "DELETED" || type == "ERROR") {
    return std::string(type) + std::string(8 - type.size(), ' ');
  }
  return std::string(type);
}

// formatLabelHeaders: a label key's last '/' segment, upper-cased.
std::string LabelHeader(const std::string& key) {
  std::string header = key.substr(key.rfind('/') + 1);
  std::transform(header.begin(), header.end(), header.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  return header;
}

// A server column's header: its name upper-cased (cli-runtime decorateTable).
std::string ColumnHeader(const json::Value& column) {
  std::string name = Text(column["name"]);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  return name;
}

// Columns of priority 0 are always shown, the others only with -o wide.
bool WideOnly(const json::Value& column) {
  return !column["priority"].IsNull() && column["priority"].AsString() != "0";
}

std::string CellText(const json::Value& cell) {
  if (cell.IsNull()) return "<none>";
  if (cell.type() == json::Value::Type::kBool) return cell.AsBool() ? "true" : "false";
  return Text(cell);
}

}  // namespace

std::vector<std::string> ClaimCells(const json::Value& claim, bool wide,
                                    std::chrono::system_clock::time_point now) {
  const json::Value& metadata = claim["metadata"];
  const json::Value& spec = claim["spec"];
  const json::Value& status = claim["status"];
  std::string phase = Text(status["phase"]);
  if (!metadata["deletionTimestamp"].IsNull()) phase = "Terminating";
  std::string volume = Text(spec["volumeName"]);
  std::string capacity, modes;
  // Capacity and access modes belong to the bound volume: shown only once bound.
  if (!volume.empty()) {
    capacity = Capacity(status["capacity"]["storage"]);
    modes = AccessModes(status["accessModes"]);
  }
  const std::string storage_class = pvc::StorageClassOf(claim);
  std::string attributes_class = spec["volumeAttributesClassName"].IsNull()
                                     ? "<unset>"
                                     : Text(spec["volumeAttributesClassName"]);
  std::vector<std::string> cells = {Text(metadata["name"]),
                                    phase,
                                    volume,
                                    capacity,
                                    modes,
                                    storage_class,
                                    attributes_class,
                                    Age(metadata["creationTimestamp"], now)};
  if (wide) {
    cells.push_back(spec["volumeMode"].IsNull() ? "<unset>" : Text(spec["volumeMode"]));
  }
  return cells;
}

bool HasLocalColumns(const json::Value& table) {
  const auto& columns = table["columnDefinitions"].items();
  if (columns.size() != kColumns.size() + 1) return false;
  for (size_t i = 0; i < columns.size(); ++i) {
    const bool last = i == kColumns.size();
    if (ColumnHeader(columns[i]) != (last ? "VOLUMEMODE" : kColumns[i]) ||
        WideOnly(columns[i]) != last) {
      return false;
    }
  }
  return true;
}

ClaimTable::ClaimTable(std::ostream& out, TableOptions options,
                       std::chrono::system_clock::time_point now)
    : writer_(out), options_(options), now_(now) {}

// decorateTable's order: EVENT, NAMESPACE, the table's columns, -L's, LABELS.
void ClaimTable::PrintHeader(std::vector<std::string> columns) {
  if (header_printed_) return;
  header_printed_ = true;
  if (options_.no_headers) return;
  for (const std::string& key : options_.label_columns) columns.push_back(LabelHeader(key));
  if (options_.show_labels) columns.push_back("LABELS");
  std::string line;
  if (options_.event_column) line += "EVENT\t";
  if (options_.with_namespace) line += "NAMESPACE\t";
  for (const std::string& column : columns) line += FormatCell(column) + "\t";
  EndLine(line);
  writer_.Write(line);
}

void ClaimTable::PrintRow(std::string_view event, const json::Value& object,
                          std::vector<std::string> cells) {
  const json::Value& metadata = object["metadata"];
  if (options_.show_kind && !cells.empty()) cells[0] = "persistentvolumeclaim/" + cells[0];
  for (const std::string& key : options_.label_columns) {
    cells.push_back(Text(metadata["labels"][key]));
  }
  if (options_.show_labels) cells.push_back(Labels(metadata["labels"]));
  std::string line;
  line.reserve(160);  // a row's cells and tabs, most often
  auto add = [&line](const std::string& cell) {
    line += cell;
    line += '\t';
  };
  if (options_.event_column) add(EventCell(event));
  if (options_.with_namespace) add(FormatCell(metadata["namespace"].AsString()));
  for (const std::string& cell : cells) add(FormatCell(cell));
  EndLine(line);
  writer_.Write(line);
  ++rows_;
}

std::vector<std::string> ClaimTable::LocalColumns() const {
  std::vector<std::string> columns = kColumns;
  if (options_.wide) columns.push_back("VOLUMEMODE");
  return columns;
}

void ClaimTable::PrintEvent(std::string_view type, const json::Value& object,
                            std::chrono::system_clock::time_point now) {
  PrintHeader(LocalColumns());
  PrintRow(type, object, ClaimCells(object, options_.wide, now));
  writer_.Flush();
}

void ClaimTable::PrintPage(const std::vector<json::Value>& items, const json::Value& table) {
  if (items.empty()) return;
  if (table.IsNull()) {
    PrintHeader(LocalColumns());
    for (const json::Value& item : items) {
      PrintRow("ADDED", item, ClaimCells(item, options_.wide, now_));
    }
  } else {
    std::vector<bool> shown;
    std::vector<std::string> columns;
    for (const json::Value& column : table["columnDefinitions"].items()) {
      bool show = options_.wide || !WideOnly(column);
      shown.push_back(show);
      if (show) columns.push_back(ColumnHeader(column));
    }
    PrintHeader(columns);
    const auto& rows = table["rows"].items();
    for (size_t i = 0; i < items.size() && i < rows.size(); ++i) {
      std::vector<std::string> cells;
      const auto& row_cells = rows[i]["cells"].items();
      for (size_t c = 0; c < row_cells.size() && c < shown.size(); ++c) {
        if (shown[c]) cells.push_back(CellText(row_cells[c]));
      }
      PrintRow("ADDED", items[i], std::move(cells));
    }
  }
}

}  // namespace pvcwatch::print
