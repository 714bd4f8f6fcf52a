#include "go/strconv.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

namespace pvcwatch::go {
namespace {

namespace data = boost::unit_test::data;

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

struct IntCase {
  std::string text;
  int base;
  int bits;
  std::int64_t value;
  NumError error;
};
std::ostream& operator<<(std::ostream& os, const IntCase& c) {
  return os << c.text << " base " << c.base << " bits " << c.bits;
}

// What Go's strconv.ParseInt returns for each (value and error kind).
const std::vector<IntCase> kIntCases = {
    {"0", 10, 64, 0, NumError::kNone},
    {"+5", 10, 64, 5, NumError::kNone},
    {"-0", 10, 64, 0, NumError::kNone},
    {"", 10, 64, 0, NumError::kSyntax},
    {"-", 10, 64, 0, NumError::kSyntax},
    {"1.5", 10, 64, 0, NumError::kSyntax},
    {" 1", 10, 64, 0, NumError::kSyntax},
    {"0x1F", 0, 64, 31, NumError::kNone},
    {"0X1f", 0, 64, 31, NumError::kNone},
    {"0o17", 0, 64, 15, NumError::kNone},
    {"017", 0, 64, 15, NumError::kNone},
    {"0b101", 0, 64, 5, NumError::kNone},
    {"-0b101", 0, 64, -5, NumError::kNone},
    {"08", 0, 64, 0, NumError::kSyntax},
    {"0x", 0, 64, 0, NumError::kSyntax},
    {"0x1F", 10, 64, 0, NumError::kSyntax},
    {"1_000", 0, 64, 1000, NumError::kNone},
    {"0x_1F", 0, 64, 31, NumError::kNone},
    {"1_000", 10, 64, 0, NumError::kSyntax},
    {"_1", 0, 64, 0, NumError::kSyntax},
    {"1__0", 0, 64, 0, NumError::kSyntax},
    {"1_", 0, 64, 0, NumError::kSyntax},
    {"9223372036854775807", 10, 64, kMax, NumError::kNone},
    {"-9223372036854775808", 10, 64, kMin, NumError::kNone},
    {"9223372036854775808", 10, 64, kMax, NumError::kRange},
    {"-9223372036854775809", 10, 64, kMin, NumError::kRange},
    {"99999999999999999999999", 10, 64, kMax, NumError::kRange},
    {"2147483647", 10, 32, 2147483647, NumError::kNone},
    {"2147483648", 10, 32, 2147483647, NumError::kRange},
    {"-2147483649", 10, 32, -2147483648LL, NumError::kRange},
    {"zz", 36, 64, 1295, NumError::kNone},
    {"12", 1, 64, 0, NumError::kSyntax},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(strconv_test)

BOOST_DATA_TEST_CASE(parse_int_matches_go, data::make(kIntCases), c) {
  const Parsed<std::int64_t> parsed = ParseInt(c.text, c.base, c.bits);
  BOOST_TEST(parsed.value == c.value);
  BOOST_TEST((parsed.error == c.error));
}

BOOST_AUTO_TEST_CASE(parse_uint_takes_the_whole_unsigned_range) {
  BOOST_TEST(ParseUint("18446744073709551615").value == std::numeric_limits<std::uint64_t>::max());
  BOOST_TEST((ParseUint("18446744073709551616").error == NumError::kRange));
  BOOST_TEST((ParseUint("-1").error == NumError::kSyntax));
  BOOST_TEST((ParseUint("256", 10, 8).error == NumError::kRange));
  BOOST_TEST(ParseUint("256", 10, 8).value == 255u);
}

BOOST_AUTO_TEST_CASE(errors_read_as_go_prints_them) {
  BOOST_TEST(NumErrorText("ParseInt", "x\n", NumError::kSyntax) ==
             "strconv.ParseInt: parsing \"x\\n\": invalid syntax");
  BOOST_TEST(NumErrorText("Atoi", "99999999999999999999", NumError::kRange) ==
             "strconv.Atoi: parsing \"99999999999999999999\": value out of range");
}

BOOST_AUTO_TEST_CASE(parse_bool_takes_go_words_only) {
  for (const char* t : {"1", "t", "T", "TRUE", "true", "True"}) BOOST_TEST((ParseBool(t) == true));
  for (const char* f : {"0", "f", "F", "FALSE", "false", "False"}) {
    BOOST_TEST((ParseBool(f) == false));
  }
  for (const char* other : {"", "yes", "tRUE", "2", " true"})
    BOOST_TEST(!ParseBool(other).has_value());
}

BOOST_AUTO_TEST_CASE(quote_escapes_as_percent_q) {
  BOOST_TEST(Quote("a\"b\\c\x1b\x7f\t") == "\"a\\\"b\\\\c\\x1b\\x7f\\t\"");
  BOOST_TEST(Quote("\xc3\xa9") == "\"\xc3\xa9\"");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::go
