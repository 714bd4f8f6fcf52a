#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace pvcwatch::print {

/// kubectl's tab writer (github.com/liggitt/tabwriter as cli-runtime configures it: minimum
/// width 6, padding 3, spaces, RememberWidths). Cells end with '\t'; the last cell of a line
/// is not part of a column and is never padded; a column is as wide as its widest cell (in
/// code points) plus 3, at least 6, over the run of adjacent lines that have it; widths
/// are remembered across Flush() calls and only grow, so watch rows stay aligned.
class TabWriter {
 public:
  /// Writes aligned text to `out` on each Flush().
  explicit TabWriter(std::ostream& out) : out_(out) { Reset(); }

  /// Buffers text: cells end with '\t' (or '\v'), lines with '\n'. A line without a tab
  /// ends the aligned block and flushes, as does '\f'.
  void Write(std::string_view text);

  /// Aligns and writes everything buffered; a last line without '\n' is written as is.
  void Flush();

 private:
  struct Cell {
    std::size_t size = 0;  // bytes
    int width = 0;         // code points
    bool htab = false;     // ended by '\t'
  };

  void Reset();
  void AddLine();
  void UpdateWidth();
  void EndEscape();
  std::size_t TerminateCell(bool htab);
  std::size_t Format(std::size_t pos, std::size_t line0, std::size_t line1);
  std::size_t WriteLines(std::size_t pos, std::size_t line0, std::size_t line1);

  std::ostream& out_;
  std::string output_;         // formatted text awaiting the stream
  std::string buffer_;         // cell text, without separators
  std::size_t width_pos_ = 0;  // buffer_ offset up to which cell_.width is counted
  Cell cell_;                  // the cell being written
  bool in_escape_ = false;     // inside an 0xFF-delimited escaped section
  std::vector<std::vector<Cell>> lines_;
  std::vector<int> widths_;      // column widths of the block being formatted
  std::vector<int> max_widths_;  // RememberWidths: widest seen per column
};

}  // namespace pvcwatch::print
