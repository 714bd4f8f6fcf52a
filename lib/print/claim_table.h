#pragma once

#include <chrono>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "json/value.h"
#include "print/tab_writer.h"

namespace pvcwatch::print {

/// kubectl get's human output switches.
struct TableOptions {
  bool wide = false;            // -o wide: priority columns too
  bool with_namespace = false;  // -A: NAMESPACE first
  bool no_headers = false;
  bool show_labels = false;                // LABELS last
  bool show_kind = false;                  // --show-kind: NAME cells as persistentvolumeclaim/NAME
  std::vector<std::string> label_columns;  // -L: a column per label key, before LABELS
  bool event_column = false;               // --output-watch-events: EVENT first
};

/// The cells kubectl's server-side printer computes for a claim (NAME, STATUS, VOLUME,
/// CAPACITY, ACCESS MODES, STORAGECLASS, VOLUMEATTRIBUTESCLASS, AGE, and VOLUMEMODE when
/// `wide`), for input that did not come as a server-rendered Table.
std::vector<std::string> ClaimCells(const json::Value& claim, bool wide,
                                    std::chrono::system_clock::time_point now);

/// Whether a server's Table has exactly the columns ClaimCells computes (names and which
/// are wide-only), so the rest of a list can come as plain objects and be printed the same.
bool HasLocalColumns(const json::Value& table);

/// Prints claims as `kubectl get pvc` does, page by page, through kubectl's tab writer
/// (widths remembered across pages). The header comes with the first row.
class ClaimTable {
 public:
  ClaimTable(std::ostream& out, TableOptions options, std::chrono::system_clock::time_point now);

  /// One page: `table` is the server's Table (cells in row order) or null, in which
  /// case the cells are computed from `items`. Rows wait in the tab writer until Flush:
  /// kubectl get aligns the whole list as one block, whatever its pages.
  /// With `event_column`, each row is an ADDED event, as kubectl -w prints the first list.
  void PrintPage(const std::vector<json::Value>& items, const json::Value& table);
  /// Writes the rows printed so far (the end of the list).
  void Flush() { writer_.Flush(); }
  /// A watch event's row (`event_column`: "ADDED", "MODIFIED", "DELETED"), with cells
  /// computed from the object, as the page's were (its widths remembered).
  void PrintEvent(std::string_view type, const json::Value& object,
                  std::chrono::system_clock::time_point now);
  size_t rows() const { return rows_; }

 private:
  void PrintHeader(std::vector<std::string> columns);
  std::vector<std::string> LocalColumns() const;
  void PrintRow(std::string_view event, const json::Value& object, std::vector<std::string> cells);

  TabWriter writer_;
  TableOptions options_;
  std::chrono::system_clock::time_point now_;
  bool header_printed_ = false;
  size_t rows_ = 0;
};

}  // namespace pvcwatch::print
