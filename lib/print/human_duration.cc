#include "print/human_duration.h"

#include <cstdint>
#include <limits>
#include <stdexcept>

// Mirrors k8s.io/apimachinery pkg/util/duration HumanDuration and Go's time package
// (parseRFC3339, Time.Sub) as far as kubectl's AGE column needs them.
namespace pvcwatch::print {
namespace {

using std::chrono::nanoseconds;
using Clock = std::chrono::system_clock;

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;

std::string Join(std::int64_t a, const char* unit_a, std::int64_t b, const char* unit_b) {
  std::string out = std::to_string(a) + unit_a;
  if (b != 0) out += std::to_string(b) + unit_b;
  return out;
}

// Days from 1970-01-01 to the proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

int DaysIn(int month, int year) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::string HumanDuration(nanoseconds d) {
  const std::int64_t ns = d.count();
  // Go: int(d.Seconds()), a float64 of whole seconds plus the fraction, truncated; up to
  // two seconds in the future still reads as now.
  const double float_seconds =
      static_cast<double>(ns / kSecond) + static_cast<double>(ns % kSecond) / 1e9;
  const auto seconds = static_cast<std::int64_t>(float_seconds);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return std::to_string(seconds) + "s";
  const std::int64_t minutes = ns / kMinute;
  if (minutes < 10) return Join(minutes, "m", (ns / kSecond) % 60, "s");
  if (minutes < 60 * 3) return std::to_string(minutes) + "m";
  const std::int64_t hours = ns / kHour;
  if (hours < 8) return Join(hours, "h", minutes % 60, "m");
  if (hours < 48) return std::to_string(hours) + "h";
  if (hours < 24 * 8) return Join(hours / 24, "d", hours % 24, "h");
  if (hours < 24 * 365 * 2) return std::to_string(hours / 24) + "d";
  if (hours < 24 * 365 * 8) return Join(hours / 24 / 365, "y", (hours / 24) % 365, "d");
  return std::to_string(hours / 24 / 365) + "y";
}

std::optional<Clock::time_point> ParseRfc3339(std::string_view text) {
  const std::invalid_argument malformed("parsing time \"" + std::string(text) +
                                        "\" as RFC 3339 (2006-01-02T15:04:05Z07:00) failed");
  // Fixed-width fields in range and separators in place, as Go's parseRFC3339; Go's
  // general parser, which it falls back to, also takes ',' before the fraction and zone
  // offsets up to 24:60.
  bool ok = true;
  const auto number = [&](std::string_view s, std::size_t at, int min, int max) {
    int value = 0;
    for (std::size_t i = at; i < at + 2 + (max > 99 ? 2 : 0); ++i) {
      if (i >= s.size() || s[i] < '0' || s[i] > '9') {
        ok = false;
        return min;
      }
      value = value * 10 + (s[i] - '0');
    }
    if (value < min || value > max) ok = false;
    return ok ? value : min;
  };
  if (text.size() < 19) throw malformed;
  const int year = number(text, 0, 0, 9999);
  const int month = number(text, 5, 1, 12);
  const int day = number(text, 8, 1, DaysIn(month, year));
  const int hour = number(text, 11, 0, 23);
  const int minute = number(text, 14, 0, 59);
  const int second = number(text, 17, 0, 59);
  if (!ok || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':') {
    throw malformed;
  }
  std::string_view rest = text.substr(19);
  std::int64_t nanos = 0;
  if (rest.size() >= 2 && (rest[0] == '.' || rest[0] == ',') && rest[1] >= '0' &&
      rest[1] <= '9') {
    std::size_t n = 1;
    int digits = 0;
    for (; n < rest.size() && rest[n] >= '0' && rest[n] <= '9'; ++n) {
      if (digits < 9) {
        nanos = nanos * 10 + (rest[n] - '0');
        ++digits;
      }
    }
    for (; digits < 9; ++digits) nanos *= 10;
    rest.remove_prefix(n);
  }
  std::int64_t offset = 0;
  if (rest != "Z") {
    if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':') {
      throw malformed;
    }
    const int zone_hours = number(rest, 1, 0, 24);
    const int zone_minutes = number(rest, 4, 0, 60);
    if (!ok) throw malformed;
    offset = (zone_hours * 60 + zone_minutes) * 60;
    if (rest[0] == '-') offset = -offset;
  }
  const std::int64_t unix_seconds = DaysFromCivil(year, month, day) * 86400 + hour * 3600 +
                                    minute * 60 + second - offset;
  // time.Time's zero value is January 1, year 1, 00:00:00 UTC: IsZero, so <unknown>.
  if (unix_seconds == DaysFromCivil(1, 1, 1) * 86400 && nanos == 0) return std::nullopt;
  // system_clock counts nanoseconds in 64 bits (years 1678 to 2262): clamp beyond.
  constexpr std::int64_t kMaxSeconds = std::numeric_limits<std::int64_t>::max() / kSecond - 1;
  if (unix_seconds > kMaxSeconds) return Clock::time_point::max();
  if (unix_seconds < -kMaxSeconds) return Clock::time_point::min();
  return Clock::time_point(std::chrono::duration_cast<Clock::duration>(
      std::chrono::seconds(unix_seconds) + nanoseconds(nanos)));
}

std::string TranslateTimestampSince(std::optional<Clock::time_point> timestamp,
                                    Clock::time_point now) {
  if (!timestamp) return "<unknown>";
  const auto a = std::chrono::duration_cast<nanoseconds>(now.time_since_epoch()).count();
  const auto b = std::chrono::duration_cast<nanoseconds>(timestamp->time_since_epoch()).count();
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(a, b, &difference)) {
    // Go's Time.Sub saturates at the longest durations.
    difference = a > b ? std::numeric_limits<std::int64_t>::max()
                       : std::numeric_limits<std::int64_t>::min();
  }
  return HumanDuration(nanoseconds(difference));
}

}  // namespace pvcwatch::print
