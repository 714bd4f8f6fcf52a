#include "print/tab_writer.h"

#include <algorithm>

#include "go/utf8.h"

// Mirrors github.com/liggitt/tabwriter @ 89fcab3 (a fork of Go's text/tabwriter adding
// RememberWidths), with cli-runtime's settings: minwidth 6, tabwidth 4 (unused with
// spaces), padding 3, padchar ' ', flags RememberWidths only.
namespace pvcwatch::print {
namespace {

constexpr int kMinWidth = 6;
constexpr int kPadding = 3;
// Text between two 0xFF bytes is one unit whose width excludes the two markers.
constexpr char kEscape = '\xff';

}  // namespace

void TabWriter::Reset() {
  buffer_.clear();
  width_pos_ = 0;
  cell_ = Cell{};
  in_escape_ = false;
  lines_.clear();
  widths_.clear();
  AddLine();
}

void TabWriter::AddLine() { lines_.emplace_back(); }

void TabWriter::UpdateWidth() {
  cell_.width += static_cast<int>(go::RuneCount(std::string_view(buffer_).substr(width_pos_)));
  width_pos_ = buffer_.size();
}

void TabWriter::EndEscape() {
  UpdateWidth();
  cell_.width -= 2;
  width_pos_ = buffer_.size();
  in_escape_ = false;
}

std::size_t TabWriter::TerminateCell(bool htab) {
  cell_.htab = htab;
  lines_.back().push_back(cell_);
  cell_ = Cell{};
  return lines_.back().size();
}

void TabWriter::Write(std::string_view text) {
  std::size_t n = 0;  // start of the text not yet added to the cell
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (in_escape_) {
      if (ch == kEscape) {
        buffer_.append(text.substr(n, i + 1 - n));
        cell_.size += i + 1 - n;
        n = i + 1;
        EndEscape();
      }
      continue;
    }
    if (ch == '\t' || ch == '\v' || ch == '\n' || ch == '\f') {
      buffer_.append(text.substr(n, i - n));
      cell_.size += i - n;
      UpdateWidth();
      n = i + 1;
      const std::size_t cells = TerminateCell(ch == '\t');
      if (ch == '\n' || ch == '\f') {
        AddLine();
        // A line with a single cell cannot belong to a column: everything so far is
        // formatted now, which is what ends one table block and starts the next.
        if (ch == '\f' || cells == 1) Flush();
      }
    } else if (ch == kEscape) {
      buffer_.append(text.substr(n, i - n));
      cell_.size += i - n;
      UpdateWidth();
      n = i;  // the marker stays in the text
      in_escape_ = true;
    }
  }
  buffer_.append(text.substr(n));
  cell_.size += text.size() - n;
}

void TabWriter::Flush() {
  if (cell_.size > 0) {
    if (in_escape_) EndEscape();
    TerminateCell(false);
  }
  Format(0, 0, lines_.size());
  Reset();
  out_.write(output_.data(), static_cast<std::streamsize>(output_.size()));
  output_.clear();
}

// Writes lines [line0, line1) with the current column widths; the last buffered line gets
// no line break.
std::size_t TabWriter::WriteLines(std::size_t pos, std::size_t line0, std::size_t line1) {
  for (std::size_t i = line0; i < line1; ++i) {
    const std::vector<Cell>& line = lines_[i];
    for (std::size_t j = 0; j < line.size(); ++j) {
      const Cell& c = line[j];
      if (c.size > 0) {
        output_.append(buffer_, pos, c.size);
        pos += c.size;
      }
      if (j < widths_.size()) output_.append(std::max(widths_[j] - c.width, 0), ' ');
    }
    if (i + 1 == lines_.size()) {
      output_.append(buffer_, pos, cell_.size);
      pos += cell_.size;
    } else {
      output_ += '\n';
    }
  }
  return pos;
}

// For the column at depth widths_.size(): each run of adjacent lines that have a cell in
// that column (a cell followed by another) gets one width, and the next column is
// formatted within the run.
std::size_t TabWriter::Format(std::size_t pos, std::size_t line0, std::size_t line1) {
  const std::size_t column = widths_.size();
  for (std::size_t row = line0; row < line1; ++row) {
    if (column + 1 >= lines_[row].size()) continue;
    pos = WriteLines(pos, line0, row);
    line0 = row;
    int width = kMinWidth;
    for (; row < line1; ++row) {
      const std::vector<Cell>& line = lines_[row];
      if (column + 1 >= line.size()) break;
      width = std::max(width, line[column].width + kPadding);
    }
    // RememberWidths: a column never gets narrower than it was in an earlier Flush.
    if (max_widths_.size() < widths_.size()) {
      max_widths_.insert(max_widths_.end(), widths_.begin() + max_widths_.size(), widths_.end());
    }
    if (max_widths_.size() == widths_.size()) {
      max_widths_.push_back(width);
    } else if (max_widths_[column] > width) {
      width = max_widths_[column];
    } else {
      max_widths_[column] = width;
    }
    widths_.push_back(width);
    pos = Format(pos, line0, row);
    widths_.pop_back();
    line0 = row;
  }
  return WriteLines(pos, line0, line1);
}

}  // namespace pvcwatch::print
