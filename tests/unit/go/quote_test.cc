#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "go/strconv.h"

namespace pvcwatch::go {
namespace {
namespace data = boost::unit_test::data;

// Inputs and Go's strconv.Quote of each (go1.26).
const std::vector<std::string> kInputs = {
    "plain", "a\"b\\c",      "tab\tnl\n\x01\x7f", "h\xC3\xA9 \xE5\x90\x8D",
    "\xff",  "nbsp\xC2\xA0", "\xE2\x80\xA8",      "\xF3\xA0\x80\x81",
};
const std::vector<std::string> kQuoted = {
    R"("plain")",
    R"("a\"b\\c")",
    R"("tab\tnl\n\x01\x7f")",
    "\"h\xC3\xA9 \xE5\x90\x8D\"",
    R"("\xff")",
    R"("nbsp\u00a0")",
    R"("\u2028")",
    R"("\U000e0001")",
};
}  // namespace

BOOST_AUTO_TEST_SUITE(quote_test)

BOOST_DATA_TEST_CASE(quotes_as_go_strconv_quote, data::make(kInputs) ^ data::make(kQuoted), input,
                     expected) {
  BOOST_TEST(Quote(input) == expected);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::go
