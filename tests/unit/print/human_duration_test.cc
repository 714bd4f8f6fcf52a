#include "print/human_duration.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "../golden_files.h"
#include "go/time.h"

namespace pvcwatch::print {
namespace {

namespace data = boost::unit_test::data;
using namespace std::chrono_literals;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::nanoseconds;
using Clock = std::chrono::system_clock;

// tests/data/printers/human_duration.tsv: nanoseconds and apimachinery's answer.
std::vector<std::tuple<std::int64_t, std::string>> OracleVectors() {
  std::string text;
  testing::ReadGolden(testing::GoldenDir("") / "human_duration.tsv", text);
  std::vector<std::tuple<std::int64_t, std::string>> vectors;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    vectors.emplace_back(std::stoll(line.substr(0, tab)), line.substr(tab + 1));
  }
  return vectors;
}

constexpr auto kDay = hours(24);
constexpr auto kYear = 365 * kDay;

// apimachinery duration_test.go TestHumanDurationBoundaries.
const std::vector<std::tuple<nanoseconds, std::string>> kBoundaries = {
    {-2s, "<invalid>"},
    {-2s + 1ns, "0s"},
    {0s, "0s"},
    {1s - 1ms, "0s"},
    {2min - 1ms, "119s"},
    {2min, "2m"},
    {2min + 1s, "2m1s"},
    {10min - 1ms, "9m59s"},
    {10min, "10m"},
    {10min + 1s, "10m"},
    {3h - 1ms, "179m"},
    {3h, "3h"},
    {3h + 1min, "3h1m"},
    {8h - 1ms, "7h59m"},
    {8h, "8h"},
    {8h + 59min, "8h"},
    {2 * kDay - 1ms, "47h"},
    {2 * kDay, "2d"},
    {2 * kDay + 1h, "2d1h"},
    {8 * kDay - 1ms, "7d23h"},
    {8 * kDay, "8d"},
    {8 * kDay + 23h, "8d"},
    {2 * kYear - 1ms, "729d"},
    {2 * kYear, "2y"},
    {2 * kYear + 23h + 59min, "2y"},
    {2 * kYear + kDay, "2y1d"},
    {8 * kYear - 1ms, "7y364d"},
    {8 * kYear, "8y"},
    {8 * kYear + 364 * kDay, "8y"},
    {9 * kYear, "9y"},
};

Clock::time_point At(std::int64_t unix_seconds, std::int64_t nanos = 0) {
  return Clock::time_point(std::chrono::duration_cast<Clock::duration>(
      std::chrono::seconds(unix_seconds) + nanoseconds(nanos)));
}

const std::vector<std::tuple<std::string, std::int64_t, std::int64_t>> kTimestamps = {
    {"2026-11-26T17:19:42Z", 1795713582, 0},
    {"1970-01-01T00:00:00Z", 0, 0},
    {"2026-11-26T17:19:42.5Z", 1795713582, 500000000},
    {"2026-11-26T17:19:42.123456789123Z", 1795713582, 123456789},
    {"2026-11-26T18:19:42+01:00", 1795713582, 0},
    {"2026-11-26T16:49:42-00:30", 1795713582, 0},
    {"2024-02-29T00:00:00Z", 1709164800, 0},
    {"2026-11-26T17:19:42,5Z", 1795713582, 500000000},
};

const std::vector<std::string> kMalformed = {
    "",
    "2026-11-26",
    "2026-11-26 17:19:42Z",
    "2026-11-26t17:19:42Z",
    "2026-11-26T17:19:42z",
    "2026-11-26T17:19:42",
    "2026-13-26T17:19:42Z",
    "2023-02-29T00:00:00Z",
    "2026-11-26T24:00:00Z",
    "2026-11-26T17:60:00Z",
    "2026-11-26T17:19:60Z",
    "2026-1-26T17:19:42Z",
    "2026-11-26T17:19:42+0100",
    "2026-11-26T17:19:42+25:00",
    "2026-11-26T17:19:42.Z",
    "2026-11-26T17:19:42Zjunk",
};

}  // namespace

BOOST_AUTO_TEST_SUITE(human_duration_test)

BOOST_DATA_TEST_CASE(matches_apimachinery_boundaries, data::make(kBoundaries), d, expected) {
  BOOST_TEST(HumanDuration(d) == expected);
}

BOOST_DATA_TEST_CASE(matches_apimachinery_oracle, data::make(OracleVectors()), ns, expected) {
  BOOST_TEST(HumanDuration(nanoseconds(ns)) == expected);
}

BOOST_AUTO_TEST_CASE(oracle_vectors_are_present) { BOOST_TEST(OracleVectors().size() >= 100u); }

BOOST_DATA_TEST_CASE(parses_rfc3339_as_metav1_time, data::make(kTimestamps), text, seconds, nanos) {
  const auto parsed = ParseCreationTimestamp(text);
  BOOST_REQUIRE(parsed.has_value());
  BOOST_TEST((*parsed == At(seconds, nanos)));
}

BOOST_DATA_TEST_CASE(rejects_malformed_timestamps, data::make(kMalformed), text) {
  BOOST_CHECK_THROW(ParseCreationTimestamp(text), go::TimeParseError);
}

BOOST_AUTO_TEST_CASE(malformed_timestamp_error_names_the_text) {
  try {
    ParseCreationTimestamp("yesterday");
    BOOST_ERROR("no error");
  } catch (const go::TimeParseError& e) {
    BOOST_TEST(std::string(e.what()) ==
               "parsing time \"yesterday\" as "
               "\"2006-01-02T15:04:05Z07:00\": cannot parse "
               "\"yesterday\" as \"2006\"");
  }
}

BOOST_AUTO_TEST_CASE(go_zero_time_is_unknown) {
  BOOST_TEST(!ParseCreationTimestamp("0001-01-01T00:00:00Z").has_value());
  BOOST_TEST(!ParseCreationTimestamp("0001-01-01T01:00:00+01:00").has_value());
  BOOST_TEST(TranslateTimestampSince(std::nullopt, At(0)) == "<unknown>");
}

BOOST_AUTO_TEST_CASE(age_is_human_duration_since_creation) {
  const auto created = ParseCreationTimestamp("2026-11-26T17:19:42Z");
  BOOST_TEST(TranslateTimestampSince(created, At(1795713582 + 49 * 3600)) == "2d1h");
  BOOST_TEST(TranslateTimestampSince(created, At(1795713582 - 1)) == "0s");
  BOOST_TEST(TranslateTimestampSince(created, At(1795713582 - 2)) == "<invalid>");
}

BOOST_AUTO_TEST_CASE(far_timestamps_saturate_like_go) {
  const auto ancient = ParseCreationTimestamp("0001-01-02T00:00:00Z");
  BOOST_REQUIRE(ancient.has_value());
  BOOST_TEST(TranslateTimestampSince(ancient, At(1795713582)) == "292y");
  const auto future = ParseCreationTimestamp("9999-12-31T23:59:59Z");
  BOOST_TEST(TranslateTimestampSince(future, At(1795713582)) == "<invalid>");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::print
