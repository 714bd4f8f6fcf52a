#include "rest/rfc3339.h"

#include <cstdio>
#include <string_view>

namespace pvcwatch::rest {
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

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
long long DaysFromCivil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

int DaysIn(int month, int year) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Walks the value through the layout's elements as Go's generic time.parse does, so
// that a failure names the same element and the same remaining text.
class Parser {
 public:
  explicit Parser(const std::string& text) : text_(text), rest_(text) {}

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

  std::chrono::system_clock::time_point Parse() {
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
    long long seconds = DaysFromCivil(year, static_cast<unsigned>(month),
                                      static_cast<unsigned>(day)) * 86400 +
                        hour * 3600 + minute * 60 + second - offset_seconds;
    return std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::seconds(seconds) + std::chrono::nanoseconds(nanos)));
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

  const std::string& text_;
  std::string_view rest_;
};

}  // namespace

std::chrono::system_clock::time_point ParseRfc3339(const std::string& text) {
  return Parser(text).Parse();
}

}  // namespace pvcwatch::rest
