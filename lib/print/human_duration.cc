#include "print/human_duration.h"

#include <cstdint>
#include <limits>
#include <stdexcept>

#include "go/time.h"

// Mirrors k8s.io/apimachinery pkg/util/duration HumanDuration and Go's time package
// (Time.Sub) as far as kubectl's AGE column needs them.
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

std::optional<Clock::time_point> ParseCreationTimestamp(std::string_view text) {
  const go::Time time = go::ParseRfc3339(text);
  if (time.IsZero()) return std::nullopt;
  return time.TimePoint();
}

std::string TranslateTimestampSince(std::optional<Clock::time_point> timestamp,
                                    Clock::time_point now) {
  if (!timestamp) return "<unknown>";
  const auto a = std::chrono::duration_cast<nanoseconds>(now.time_since_epoch()).count();
  const auto b = std::chrono::duration_cast<nanoseconds>(timestamp->time_since_epoch()).count();
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(a, b, &difference)) {
    // Go's Time.Sub saturates at the longest durations.
    difference =
        a > b ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
  }
  return HumanDuration(nanoseconds(difference));
}

}  // namespace pvcwatch::print
