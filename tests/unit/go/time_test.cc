#include "go/time.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace pvcwatch::go {
namespace {

namespace data = boost::unit_test::data;

struct ValidCase {
  std::string text;
  long long epoch_seconds;
  long long nanos;
};
std::ostream& operator<<(std::ostream& os, const ValidCase& c) { return os << c.text; }

const std::vector<ValidCase> kValid = {
    {"2030-01-02T03:04:05Z", 1893553445, 0},
    {"2099-01-01T00:00:00.123456789012+01:00", 4070905200, 123456789},
    {"2024-02-29T23:59:59-05:30", 1709270999, 0},
    {"1969-12-31T23:59:59Z", -1, 0},
    {"2030-01-02T3:04:05Z", 1893553445, 0},  // Go's hour element takes one digit too
};

struct InvalidCase {
  std::string text;
  std::string expected;  // Go's time.Parse(time.RFC3339, text) error
};
std::ostream& operator<<(std::ostream& os, const InvalidCase& c) { return os << c.text; }

const std::string kAs = " as \"2006-01-02T15:04:05Z07:00\": cannot parse ";
// Checked against go1.26 time.Parse.
const std::vector<InvalidCase> kInvalid = {
    {"yesterday", "parsing time \"yesterday\"" + kAs + "\"yesterday\" as \"2006\""},
    {"", "parsing time \"\"" + kAs + "\"\" as \"2006\""},
    {"2024-13-01T00:00:00Z", "parsing time \"2024-13-01T00:00:00Z\": month out of range"},
    {"2023-02-29T00:00:00Z", "parsing time \"2023-02-29T00:00:00Z\": day out of range"},
    {"2024-01-01T00:00:00Zjunk", "parsing time \"2024-01-01T00:00:00Zjunk\": extra text: \"junk\""},
    {"2024-01-01 00:00:00Z",
     "parsing time \"2024-01-01 00:00:00Z\"" + kAs + "\" 00:00:00Z\" as \"T\""},
    {"2024-01-01T00:00:00+0100",
     "parsing time \"2024-01-01T00:00:00+0100\"" + kAs + "\"+0100\" as \"Z07:00\""},
    {"2024-01-01T24:00:00Z", "parsing time \"2024-01-01T24:00:00Z\": hour out of range"},
    {"2024-01-01T00:60:00Z", "parsing time \"2024-01-01T00:60:00Z\": minute out of range"},
    {"2024-01-01T00:00:00+25:00",
     "parsing time \"2024-01-01T00:00:00+25:00\": time zone offset hour out of range"},
    {"2024-1-01T00:00:00Z",
     "parsing time \"2024-1-01T00:00:00Z\"" + kAs + "\"1-01T00:00:00Z\" as \"01\""},
    {"2024-01-01T00:00:00", "parsing time \"2024-01-01T00:00:00\"" + kAs + "\"\" as \"Z07:00\""},
};

BOOST_AUTO_TEST_SUITE(time_test)

BOOST_DATA_TEST_CASE(parses_what_go_parses, data::make(kValid), c) {
  auto since_epoch = ParseRfc3339(c.text).TimePoint().time_since_epoch();
  auto seconds = std::chrono::floor<std::chrono::seconds>(since_epoch);
  BOOST_TEST(seconds.count() == c.epoch_seconds);
  BOOST_TEST(std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch - seconds).count() ==
             c.nanos);
}

BOOST_DATA_TEST_CASE(rejects_with_go_messages, data::make(kInvalid), c) {
  try {
    ParseRfc3339(c.text);
    BOOST_FAIL("accepted " + c.text);
  } catch (const TimeParseError& e) {
    BOOST_TEST(e.what() == c.expected);
  }
}

BOOST_AUTO_TEST_CASE(go_zero_time_is_zero) {
  BOOST_TEST(ParseRfc3339("0001-01-01T00:00:00Z").IsZero());
  BOOST_TEST(ParseRfc3339("0001-01-01T01:00:00+01:00").IsZero());
  BOOST_TEST(!ParseRfc3339("0001-01-01T00:00:00.000000001Z").IsZero());
}

BOOST_AUTO_TEST_CASE(times_beyond_the_system_clock_saturate) {
  using Clock = std::chrono::system_clock;
  BOOST_TEST((ParseRfc3339("0001-01-02T00:00:00Z").TimePoint() == Clock::time_point::min()));
  BOOST_TEST((ParseRfc3339("9999-12-31T23:59:59Z").TimePoint() == Clock::time_point::max()));
}

BOOST_AUTO_TEST_CASE(days_in_month_follow_the_gregorian_leap_rule) {
  BOOST_TEST(DaysIn(2, 2024) == 29);
  BOOST_TEST(DaysIn(2, 2100) == 28);
  BOOST_TEST(DaysIn(2, 2000) == 29);
  BOOST_TEST(DaysIn(12, 2023) == 31);
  BOOST_TEST(DaysFromCivil(1970, 1, 1) == 0);
  BOOST_TEST(DaysFromCivil(2000, 3, 1) == 11017);
}

// metav1.Time's JSON, t.UTC().Format(time.RFC3339), over the years it can write.
BOOST_AUTO_TEST_CASE(format_rfc3339_whole_seconds) {
  BOOST_TEST(FormatRfc3339(0) == "1970-01-01T00:00:00Z");
  BOOST_TEST(FormatRfc3339(-1) == "1969-12-31T23:59:59Z");
  BOOST_TEST(FormatRfc3339(951782400) == "2000-02-29T00:00:00Z");
  BOOST_TEST(FormatRfc3339(1796317200) == "2026-12-03T17:00:00Z");
  BOOST_TEST(FormatRfc3339(-62135596800) == "0001-01-01T00:00:00Z");
  BOOST_TEST(FormatRfc3339(253402300799) == "9999-12-31T23:59:59Z");
  for (std::int64_t t : {std::int64_t{-62135596800}, std::int64_t{-1}, std::int64_t{951782400},
                         std::int64_t{253402300799}}) {
    BOOST_TEST(ParseRfc3339(FormatRfc3339(t)).unix_seconds == t);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::go
