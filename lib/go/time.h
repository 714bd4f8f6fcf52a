#pragma once

// Go's time package, as far as Kubernetes' timestamps (metav1.Time) need it.

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace pvcwatch::go {

/// A time that Go's time.Parse(time.RFC3339, ...) would refuse; the message is Go's
/// (`parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"`).
class TimeParseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An instant as Go's time.Time holds it: any year from 0000 to 9999 fits.
struct Time {
  std::int64_t unix_seconds = 0;
  std::int32_t nanos = 0;

  /// Go's Time.IsZero: January 1, year 1, 00:00:00 UTC (what an unset metav1.Time reads as).
  bool IsZero() const;
  /// The instant on the system clock, which counts nanoseconds in 64 bits (years 1678 to
  /// 2262): earlier and later times saturate.
  std::chrono::system_clock::time_point TimePoint() const;
};

/// time.Parse(time.RFC3339, text) as metav1.Time reads a timestamp: Go's general parser
/// (a one-digit hour, a fraction after '.' or ',' although the layout names none, zone
/// offsets up to 24:60). Throws TimeParseError with Go's text.
Time ParseRfc3339(std::string_view text);

/// Go's time.ParseDuration ("1h30m", "1.5s", "-300ms", "0"): signed nanoseconds, or
/// nullopt on any syntax error or overflow.
std::optional<std::int64_t> ParseDuration(std::string_view text);

/// The days in `month` (1-12) of `year` in the proleptic Gregorian calendar.
int DaysIn(int month, int year);

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t DaysFromCivil(std::int64_t year, unsigned month, unsigned day);

/// t.UTC().Format(time.RFC3339) for whole seconds since the epoch, as metav1.Time
/// marshals: "2026-12-03T17:00:00Z" (years 0-9999).
std::string FormatRfc3339(std::int64_t unix_seconds);

}  // namespace pvcwatch::go
