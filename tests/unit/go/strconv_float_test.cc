#include "go/strconv_float.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <tuple>
#include <vector>

namespace pvcwatch::go {
namespace {

namespace data = boost::unit_test::data;

// strconv.FormatFloat(v, fmt, -1, 64) answers, from Go 1.26.
const std::vector<std::tuple<double, char, std::string>> kFormatted = {
    {0.0, 'g', "0"},
    {-0.0, 'g', "-0"},
    {0.0, 'e', "0e+00"},
    {0.0, 'f', "0"},
    {1.0, 'g', "1"},
    {112.5, 'g', "112.5"},
    {100000.0, 'g', "100000"},
    {1e6, 'g', "1e+06"},
    {1234567.5, 'g', "1.2345675e+06"},
    {0.0001, 'g', "0.0001"},
    {0.00001, 'g', "1e-05"},
    {1.2345e-5, 'g', "1.2345e-05"},
    {1e21, 'g', "1e+21"},
    {1e100, 'e', "1e+100"},
    {1.5e-7, 'e', "1.5e-07"},
    {1e20, 'f', "100000000000000000000"},
    {18446744073709551616.0, 'f', "18446744073709552000"},
    {0.000012345, 'f', "0.000012345"},
    {5e-324, 'e', "5e-324"},
    {1.7976931348623157e308, 'g', "1.7976931348623157e+308"},
    {std::numeric_limits<double>::infinity(), 'g', "+Inf"},
    {-std::numeric_limits<double>::infinity(), 'f', "-Inf"},
};

const std::vector<std::tuple<std::string, double>> kParsed = {
    {"1.5", 1.5}, {".5e3", 500.0}, {"1_000.5", 1000.5}, {"+2", 2.0},
    {"5.", 5.0},  {"1e-400", 0.0}, {"0x10", -1.0},      {"1e400", -1.0},
    {"_1", -1.0}, {"1__0", -1.0},  {"1_", -1.0},        {"1e", -1.0},
    {".", -1.0},  {"inf", -1.0},   {"1.5x", -1.0},      {"", -1.0},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(strconv_float_test)

BOOST_DATA_TEST_CASE(formats_like_strconv_shortest, data::make(kFormatted), value, format,
                     expected) {
  BOOST_TEST(FormatFloat(value, format) == expected);
}

BOOST_AUTO_TEST_CASE(nan_formats_as_go_does) {
  BOOST_TEST(FormatFloat(std::nan(""), 'g') == "NaN");
}

// -1 stands for "Go's ParseFloat fails" (syntax error or overflow).
BOOST_DATA_TEST_CASE(parses_decimal_text_like_strconv, data::make(kParsed), text, expected) {
  const auto parsed = ParseFloat(text);
  if (expected < 0) {
    BOOST_TEST(!parsed.has_value());
  } else {
    BOOST_REQUIRE(parsed.has_value());
    BOOST_TEST(*parsed == expected);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::go
