#include "go/time.h"

#include <cstdio>
#include <limits>
#include <optional>
#include <string>

namespace pvcwatch::go {
namespace {

constexpr char kLayout[] = "2006-01-02T15:04:05Z07:00";

// Go's time.quote: the value in double quotes, '"' and '\' escaped, bytes outside
// printable ASCII as \xNN.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c < ' ' || c >= 0x7f) {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      out += hex;
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += static_cast<char>(c);
  }
  return out + "\"";
}

bool IsDigit(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

constexpr std::uint64_t kMaxDuration = std::uint64_t{1} << 63;  // |math.MinInt64|

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::optional<std::uint64_t> UnitNanoseconds(std::string_view unit) {
  if (unit == "ns") return 1;
  if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs") return 1000;  // µs, μs
  if (unit == "ms") return 1000 * 1000;
  if (unit == "s") return 1000 * 1000 * 1000;
  if (unit == "m") return std::uint64_t{60} * 1000 * 1000 * 1000;
  if (unit == "h") return std::uint64_t{3600} * 1000 * 1000 * 1000;
  return std::nullopt;
}

// Walks the value through the layout's elements as Go's generic time.parse does, so
// that a failure names the same element and the same remaining text.
class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text), rest_(text) {}

  [[noreturn]] void CannotParse(std::string_view value_elem, const char* layout_elem) const {
    throw TimeParseError("parsing time " + Quote(text_) + " as " + Quote(kLayout) +
                         ": cannot parse " + Quote(value_elem) + " as " + Quote(layout_elem));
  }
  [[noreturn]] void Fail(const std::string& message) const {
    throw TimeParseError("parsing time " + Quote(text_) + message);
  }

  void Literal(const char* literal) {
    std::string_view want = literal;
    if (rest_.substr(0, want.size()) != want) CannotParse(rest_, literal);
    rest_.remove_prefix(want.size());
  }

  // Go's getnum: one or two digits, exactly two when `fixed`.
  int Number(bool fixed, const char* elem) {
    std::string_view hold = rest_;
    if (!IsDigit(rest_, 0)) CannotParse(hold, elem);
    if (!IsDigit(rest_, 1)) {
      if (fixed) CannotParse(hold, elem);
      int n = rest_[0] - '0';
      rest_.remove_prefix(1);
      return n;
    }
    int n = (rest_[0] - '0') * 10 + (rest_[1] - '0');
    rest_.remove_prefix(2);
    return n;
  }

  int Year() {
    std::string_view hold = rest_;
    if (rest_.size() < 4 || !IsDigit(rest_, 0)) CannotParse(hold, "2006");
    int year = 0;
    for (size_t i = 0; i < 4; ++i) {
      if (!IsDigit(rest_, i)) CannotParse(hold, "2006");
      year = year * 10 + (rest_[i] - '0');
    }
    rest_.remove_prefix(4);
    return year;
  }

  void RangeCheck(bool ok, const char* what) const {
    if (!ok) Fail(std::string(": ") + what + " out of range");
  }

  Time Parse() {
    int year = Year();
    Literal("-");
    int month = Number(true, "01");
    RangeCheck(month >= 1 && month <= 12, "month");
    Literal("-");
    int day = Number(true, "02");
    RangeCheck(day <= 31, "day");
    Literal("T");
    int hour = Number(false, "15");
    RangeCheck(hour < 24, "hour");
    Literal(":");
    int minute = Number(true, "04");
    RangeCheck(minute < 60, "minute");
    Literal(":");
    int second = Number(true, "05");
    RangeCheck(second < 60, "second");
    long long nanos = 0;
    // Fractional seconds follow the seconds even though the layout does not name them.
    if (rest_.size() >= 2 && (rest_[0] == '.' || rest_[0] == ',') && IsDigit(rest_, 1)) {
      size_t n = 1;
      long long scale = 100000000;
      while (IsDigit(rest_, n)) {
        if (n <= 9) nanos += (rest_[n] - '0') * scale;
        scale /= 10;
        ++n;
      }
      rest_.remove_prefix(n);
    }
    int offset_seconds = Zone();
    if (!rest_.empty()) Fail(": extra text: " + Quote(rest_));
    if (day < 1 || day > DaysIn(month, year)) Fail(": day out of range");
    const std::int64_t seconds =
        DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
        hour * 3600 + minute * 60 + second - offset_seconds;
    return Time{seconds, static_cast<std::int32_t>(nanos)};
  }

 private:
  // "Z07:00": Z, or a sign with hh:mm.
  int Zone() {
    if (!rest_.empty() && rest_[0] == 'Z') {
      rest_.remove_prefix(1);
      return 0;
    }
    std::string_view hold = rest_;
    if (rest_.size() < 6 || rest_[3] != ':' || (rest_[0] != '+' && rest_[0] != '-') ||
        !IsDigit(rest_, 1) || !IsDigit(rest_, 2) || !IsDigit(rest_, 4) || !IsDigit(rest_, 5)) {
      CannotParse(hold, "Z07:00");
    }
    int hours = (rest_[1] - '0') * 10 + (rest_[2] - '0');
    int minutes = (rest_[4] - '0') * 10 + (rest_[5] - '0');
    // Go allows 24 hours and 60 minutes here ("some people do write offsets of 24 hours").
    if (hours > 24) Fail(": time zone offset hour out of range");
    if (minutes > 60) Fail(": time zone offset minute out of range");
    int sign = rest_[0] == '-' ? -1 : 1;
    rest_.remove_prefix(6);
    return sign * (hours * 3600 + minutes * 60);
  }

  std::string_view text_;
  std::string_view rest_;
};

}  // namespace

Time ParseRfc3339(std::string_view text) { return Parser(text).Parse(); }

// Go's time.ParseDuration: [-+]? then one or more <number>[.<fraction>]<unit>, or "0".
// Returns signed nanoseconds, nullopt on any syntax error or overflow.
std::optional<std::int64_t> ParseDuration(std::string_view s) {
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

bool Time::IsZero() const { return unix_seconds == DaysFromCivil(1, 1, 1) * 86400 && nanos == 0; }

std::chrono::system_clock::time_point Time::TimePoint() const {
  using Clock = std::chrono::system_clock;
  constexpr std::int64_t kMaxSeconds = std::numeric_limits<std::int64_t>::max() / 1'000'000'000 - 1;
  if (unix_seconds > kMaxSeconds) return Clock::time_point::max();
  if (unix_seconds < -kMaxSeconds) return Clock::time_point::min();
  return Clock::time_point(std::chrono::duration_cast<Clock::duration>(
      std::chrono::seconds(unix_seconds) + std::chrono::nanoseconds(nanos)));
}

int DaysIn(int month, int year) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string FormatRfc3339(std::int64_t unix_seconds) {
  std::int64_t days = unix_seconds / 86400, second = unix_seconds % 86400;
  if (second < 0) {
    second += 86400;
    --days;
  }
  // H. Hinnant's civil_from_days, DaysFromCivil's inverse.
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = yoe + era * 400 + (month <= 2);
  // Digits by hand: a list formats one per claim, and printf (musl's in the release
  // build) cost more than the rest of the claim's decoding.
  std::string text = "0000-00-00T00:00:00Z";
  auto put = [&text](size_t end, std::int64_t value, int digits) {
    for (int i = 1; i <= digits; ++i, value /= 10)
      text[end - i] = static_cast<char>('0' + value % 10);
  };
  put(4, year, 4);
  put(7, month, 2);
  put(10, day, 2);
  put(13, second / 3600, 2);
  put(16, second % 3600 / 60, 2);
  put(19, second % 60, 2);
  return text;
}

}  // namespace pvcwatch::go
