#include "go/strings.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace pvcwatch::go {

BOOST_AUTO_TEST_SUITE(strings_test)

BOOST_AUTO_TEST_CASE(trim_space_trims_unicode_white_space) {
  BOOST_TEST(TrimSpace(" \t\n\v\f\rtoken\r\n") == "token");
  BOOST_TEST(TrimSpace("a b") == "a b");
  BOOST_TEST(TrimSpace(" \n ").empty());
  BOOST_TEST(TrimSpace("\xc2\xa0x\xe2\x80\x83") == "x");  // U+00A0, U+2003 are spaces
  BOOST_TEST(TrimSpace("\xffx ") == "\xffx");             // an invalid byte is not
}

BOOST_AUTO_TEST_CASE(fields_split_on_unicode_white_space) {
  using Words = std::vector<std::string_view>;
  BOOST_TEST(Fields(" \tNAME  SIZE\r\n") == (Words{"NAME", "SIZE"}),
             boost::test_tools::per_element());
  BOOST_TEST(Fields("a\xc2\xa0"
                    "b\xe3\x80\x80"
                    "c\xc2\x85"
                    "d") == (Words{"a", "b", "c", "d"}),
             boost::test_tools::per_element());
  BOOST_TEST(Fields("\xff \xffx") == (Words{"\xff", "\xffx"}), boost::test_tools::per_element());
  BOOST_TEST(Fields(" \n ").empty());
}

BOOST_AUTO_TEST_CASE(to_lower_changes_ascii_letters_only) {
  BOOST_TEST(ToLower("HTTP://Proxy.Example:8080") == "http://proxy.example:8080");
  BOOST_TEST(ToLower("\xc3\x89") == "\xc3\x89");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::go
