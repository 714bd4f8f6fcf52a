#pragma once

#include <string>
#include <string_view>

namespace pvcwatch::print {

/// kubectl's escaping of text from the server or a file before a terminal sees it
/// (cli-runtime printers.EscapeTerminal, since CVE-2021-25743): ESC becomes "^[" and a
/// carriage return "\r"; every other byte passes.
std::string EscapeTerminal(std::string_view text);

/// A table cell as kubectl's table printer writes it: cut at the first line break
/// ("\r", "\n" or "\f") with "..." marking the cut, then EscapeTerminal. A tab becomes a
/// space here so that a cell cannot split into columns.
std::string FormatCell(std::string_view text);

/// A line of our own (a log line, a warning, an error) that quotes outside text:
/// EscapeTerminal, and every other control character made visible too (caret notation,
/// "^G" for BEL, "^?" for DEL; a C1 control U+0080..U+009F as its 7-bit form "^[" + c),
/// so that nothing but tabs and line ends reaches the terminal as a control.
std::string EscapeLine(std::string_view text);

}  // namespace pvcwatch::print
