#include "print/terminal_escape.h"

#include <algorithm>

namespace pvcwatch::print {
namespace {

// The two replacements of kubectl's escaper; false for any other byte.
bool AppendKubectlEscape(char c, std::string& out) {
  if (c == '\x1b') {
    out += "^[";
  } else if (c == '\r') {
    out += "\\r";
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::string EscapeTerminal(std::string_view text) {
  // Almost every cell has nothing to escape: copied whole, not a byte at a time.
  if (text.find_first_of("\x1b\r") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (!AppendKubectlEscape(c, out)) out += c;
  }
  return out;
}

std::string FormatCell(std::string_view text) {
  if (text.find_first_of("\r\n\f\t\x1b") == std::string_view::npos) return std::string(text);
  std::string cell(text.substr(0, text.find_first_of("\r\n\f")));
  if (cell.size() < text.size()) cell += "...";
  std::replace(cell.begin(), cell.end(), '\t', ' ');
  return EscapeTerminal(cell);
}

std::string EscapeLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (AppendKubectlEscape(c, out)) continue;
    if (c == '\t' || c == '\n') {
      out += c;
    } else if (byte < 0x20) {
      out += '^';
      out += static_cast<char>(byte + 0x40);
    } else if (byte == 0x7f) {
      out += "^?";
    } else if (byte == 0xc2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      // U+0080..U+009F in UTF-8: terminals may act on these as they do on ESC + c - 0x40
      // (U+009B is CSI, "ESC [").
      out += "^[";
      out += static_cast<char>(static_cast<unsigned char>(text[++i]) - 0x40);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace pvcwatch::print
