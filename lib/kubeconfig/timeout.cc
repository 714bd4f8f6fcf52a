#include "kubeconfig/timeout.h"

#include <cstdint>
#include <optional>
#include <string>

#include "kubeconfig/errors.h"

namespace pvcwatch::kubeconfig {
namespace {

// client-go tools/clientcmd/helpers.go ParseTimeout.
constexpr char kInvalidTimeout[] =
    "Invalid timeout value. Timeout must be a single integer in seconds, or an integer "
    "followed by a corresponding time unit (e.g. 1s | 2m | 3h)";

constexpr std::uint64_t kMaxDuration = std::uint64_t{1} << 63;  // |math.MinInt64|

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// strconv.ParseInt(s, 10, 64): optional sign, decimal digits, no overflow.
std::optional<std::int64_t> ParseInt(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : s) {
    if (!IsDigit(c)) return std::nullopt;
    if (value > (kMaxDuration - static_cast<std::uint64_t>(c - '0')) / 10) return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (!negative && value == kMaxDuration) return std::nullopt;
  return negative ? -static_cast<std::int64_t>(value - 1) - 1 : static_cast<std::int64_t>(value);
}

std::optional<std::uint64_t> UnitNanoseconds(std::string_view unit) {
  if (unit == "ns") return 1;
  if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs") return 1000;  // µs, μs
  if (unit == "ms") return 1000 * 1000;
  if (unit == "s") return 1000 * 1000 * 1000;
  if (unit == "m") return std::uint64_t{60} * 1000 * 1000 * 1000;
  if (unit == "h") return std::uint64_t{3600} * 1000 * 1000 * 1000;
  return std::nullopt;
}

// Go's time.ParseDuration: [-+]? then one or more <number>[.<fraction>]<unit>, or "0".
// Returns signed nanoseconds, nullopt on any syntax error or overflow.
std::optional<std::int64_t> ParseGoDuration(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return 0;
  if (s.empty()) return std::nullopt;
  std::uint64_t total = 0;
  while (!s.empty()) {
    if (s.front() != '.' && !IsDigit(s.front())) return std::nullopt;
    std::uint64_t whole = 0;
    bool has_whole = false;
    while (!s.empty() && IsDigit(s.front())) {
      if (whole > (kMaxDuration - 1) / 10) return std::nullopt;  // leadingInt overflow
      whole = whole * 10 + static_cast<std::uint64_t>(s.front() - '0');
      s.remove_prefix(1);
      has_whole = true;
    }
    std::uint64_t fraction = 0;
    double scale = 1;
    bool has_fraction = false;
    if (!s.empty() && s.front() == '.') {
      s.remove_prefix(1);
      bool overflow = false;
      while (!s.empty() && IsDigit(s.front())) {
        has_fraction = true;
        if (!overflow) {
          if (fraction > (kMaxDuration - 1) / 10) {
            overflow = true;  // further digits are consumed but ignored, as in Go
          } else {
            fraction = fraction * 10 + static_cast<std::uint64_t>(s.front() - '0');
            scale *= 10;
          }
        }
        s.remove_prefix(1);
      }
    }
    if (!has_whole && !has_fraction) return std::nullopt;
    std::size_t unit_length = 0;
    while (unit_length < s.size() && s[unit_length] != '.' && !IsDigit(s[unit_length])) {
      ++unit_length;
    }
    if (unit_length == 0) return std::nullopt;  // missing unit
    std::optional<std::uint64_t> unit = UnitNanoseconds(s.substr(0, unit_length));
    if (!unit) return std::nullopt;
    s.remove_prefix(unit_length);
    if (whole > kMaxDuration / *unit) return std::nullopt;
    whole *= *unit;
    if (fraction > 0) {
      whole += static_cast<std::uint64_t>(static_cast<double>(fraction) *
                                          (static_cast<double>(*unit) / scale));
      if (whole > kMaxDuration) return std::nullopt;
    }
    total += whole;
    if (total > kMaxDuration) return std::nullopt;
  }
  if (negative) return total == kMaxDuration ? INT64_MIN : -static_cast<std::int64_t>(total);
  if (total > kMaxDuration - 1) return std::nullopt;
  return static_cast<std::int64_t>(total);
}

}  // namespace

std::chrono::milliseconds ParseTimeout(std::string_view value) {
  std::int64_t nanoseconds = 0;
  if (std::optional<std::int64_t> seconds = ParseInt(value); seconds && *seconds >= 0) {
    constexpr std::int64_t kMaxSeconds = INT64_MAX / 1000000000;
    // time.Duration(i) * time.Second wraps in Go; clamp instead of overflowing.
    nanoseconds = *seconds > kMaxSeconds ? INT64_MAX : *seconds * 1000000000;
  } else if (std::optional<std::int64_t> duration = ParseGoDuration(value)) {
    nanoseconds = *duration;
  } else {
    throw Error(kInvalidTimeout);
  }
  if (nanoseconds <= 0) return std::chrono::milliseconds(0);
  if (nanoseconds < 1000000) return std::chrono::milliseconds(1);
  return std::chrono::milliseconds(nanoseconds / 1000000);
}

}  // namespace pvcwatch::kubeconfig
