#include "print/terminal_escape.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>

namespace pvcwatch::print {
namespace {

struct Case {
  std::string first, second;
};
// Shown by case number: the texts are control characters.
std::ostream& operator<<(std::ostream& os, const Case&) { return os << "case"; }

// cli-runtime's escaper replaces ESC and CR only (checked against kubectl v1.37's table).
const Case kTerminal[] = {
    {"red\x1b[31mX", "red^[[31mX"},
    {"a\rb", "a\\rb"},
    {"bell\a, tab\t, nl\n, del\x7f", "bell\a, tab\t, nl\n, del\x7f"},
    {"", ""},
};

// A cell is cut at its first line break before it is escaped: the ESC after a newline
// never reaches the terminal, and a cut CR is not escaped but dropped.
const Case kCell[] = {
    {"red\x1b[31mX", "red^[[31mX"},
    {"one\ntwo\x1b[2J", "one..."},
    {"carriage\rreturn", "carriage..."},
    {"form\ffeed", "form..."},
    {"tab\tbed", "tab bed"},
    {"\x1b]0;title\a", "^[]0;title\a"},
};

const Case kLine[] = {
    {"name\x1b[31m", "name^[[31m"},
    {"cr\rhere", "cr\\rhere"},
    {"bell\a back\b nul" + std::string(1, '\0'), "bell^G back^H nul^@"},
    {"del\x7f", "del^?"},
    {"tab\tand\nline", "tab\tand\nline"},
    {"csi\xc2\x9b"
     "2J",
     "csi^[[2J"},                          // U+009B
    {"nbsp\xc2\xa0ok", "nbsp\xc2\xa0ok"},  // U+00A0 is printable
    {"lone\x9b", "lone\x9b"},              // not UTF-8: no terminal reads it as CSI
    {"trailing\xc2", "trailing\xc2"},
    {"caf\xc3\xa9 \xe2\x9c\x93", "caf\xc3\xa9 \xe2\x9c\x93"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(terminal_escape_test)

BOOST_DATA_TEST_CASE(terminal_escaping_is_kubectls, boost::unit_test::data::make(kTerminal), c) {
  BOOST_TEST(EscapeTerminal(c.first) == c.second);
}

BOOST_DATA_TEST_CASE(a_cell_is_cut_at_a_line_break_then_escaped,
                     boost::unit_test::data::make(kCell), c) {
  BOOST_TEST(FormatCell(c.first) == c.second);
}

BOOST_DATA_TEST_CASE(a_line_shows_every_control_but_tab_and_newline,
                     boost::unit_test::data::make(kLine), c) {
  BOOST_TEST(EscapeLine(c.first) == c.second);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::print
