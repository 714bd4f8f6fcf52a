#include "print/yaml_resolve.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "go/strconv_float.h"

// Mirrors go.yaml.in/yaml/v2 resolve.go (resolve with an empty tag) and encode.go
// (isBase60Float), with Go's strconv and time.Parse rules it relies on.
namespace pvcwatch::print {
namespace {

// resolve.go's table of words with a fixed meaning: YAML 1.1 bools, nulls, .inf and .nan
// (its "<<" entry is never reached: '<' is not a resolvable first character).
constexpr std::string_view kReservedWords[] = {
    "y",     "Y",     "yes",   "Yes",   "YES",  "true",  "True",  "TRUE",  "on",    "On",
    "ON",    "n",     "N",     "no",    "No",   "NO",    "false", "False", "FALSE", "off",
    "Off",   "OFF",   "",      "~",     "null", "Null",  "NULL",  ".nan",  ".NaN",  ".NAN",
    ".inf",  ".Inf",  ".INF",  "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"};

bool IsDigit(std::string_view s, std::size_t i) {
  return i < s.size() && s[i] >= '0' && s[i] <= '9';
}

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  const char lower = static_cast<char>(c | 0x20);
  if (lower >= 'a' && lower <= 'z') return lower - 'a' + 10;
  return 99;
}

// strconv.ParseUint(s, base, 64) for base 0 (0b/0o/0x prefixes, a leading 0 means octal)
// or an explicit base; the text holds no underscores here.
std::optional<std::uint64_t> ParseUint(std::string_view s, int base) {
  if (s.empty()) return std::nullopt;
  if (base == 0) {
    base = 10;
    if (s[0] == '0') {
      const char prefix = s.size() >= 3 ? static_cast<char>(s[1] | 0x20) : '\0';
      if (prefix == 'b' || prefix == 'o' || prefix == 'x') {
        base = prefix == 'b' ? 2 : prefix == 'o' ? 8 : 16;
        s.remove_prefix(2);
      } else {
        base = 8;
        s.remove_prefix(1);
      }
    }
  }
  std::uint64_t value = 0;
  for (char c : s) {
    const int digit = DigitValue(c);
    if (digit >= base) return std::nullopt;
    if (value > (UINT64_MAX - digit) / base) return std::nullopt;
    value = value * base + digit;
  }
  return value;
}

// strconv.ParseInt(s, base, 64): an optional sign, then ParseUint within int64's range.
bool ParsesAsInt(std::string_view s, int base) {
  if (s.empty()) return false;
  bool negative = false;
  if (s[0] == '+' || s[0] == '-') {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  const auto magnitude = ParseUint(s, base);
  if (!magnitude) return false;
  const std::uint64_t limit = std::uint64_t{1} << 63;
  return negative ? *magnitude <= limit : *magnitude < limit;
}

// resolve.go's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool IsYamlStyleFloat(std::string_view s) {
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t start = i;
    while (IsDigit(s, i)) ++i;
    return i - start;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  } else {
    if (digits() == 0) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

// time.Parse's getnum: one digit, or two when the second is also a digit.
std::optional<int> GetNum(std::string_view& s) {
  if (!IsDigit(s, 0)) return std::nullopt;
  if (!IsDigit(s, 1)) {
    const int value = s[0] - '0';
    s.remove_prefix(1);
    return value;
  }
  const int value = (s[0] - '0') * 10 + (s[1] - '0');
  s.remove_prefix(2);
  return value;
}

bool Consume(std::string_view& s, char c) {
  if (s.empty() || s[0] != c) return false;
  s.remove_prefix(1);
  return true;
}

int DaysIn(int month, int year) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return month == 2 && leap ? 29 : kDays[month - 1];
}

enum class Layout { kUpperT, kLowerT, kSpace, kDateOnly };

// time.Parse with goyaml's layouts "2006-1-2T15:4:5.999999999Z07:00" (and 't'),
// "2006-1-2 15:4:5.999999999" and "2006-1-2".
bool ParsesWithLayout(std::string_view s, Layout layout) {
  const int year = std::stoi(std::string(s.substr(0, 4)));
  s.remove_prefix(4);
  if (!Consume(s, '-')) return false;
  const auto month = GetNum(s);
  if (!month || *month < 1 || *month > 12 || !Consume(s, '-')) return false;
  const auto day = GetNum(s);
  if (!day) return false;
  if (layout != Layout::kDateOnly) {
    if (layout == Layout::kSpace) {
      // A space in a layout matches any run of spaces.
      if (!s.empty() && s[0] != ' ') return false;
      while (!s.empty() && s[0] == ' ') s.remove_prefix(1);
    } else if (!Consume(s, layout == Layout::kUpperT ? 'T' : 't')) {
      return false;
    }
    const auto hour = GetNum(s);
    if (!hour || *hour >= 24 || !Consume(s, ':')) return false;
    const auto minute = GetNum(s);
    if (!minute || *minute >= 60 || !Consume(s, ':')) return false;
    const auto second = GetNum(s);
    if (!second || *second >= 60) return false;
    // Optional fraction: '.' or ',' and then any number of digits.
    if (s.size() >= 2 && (s[0] == '.' || s[0] == ',') && IsDigit(s, 1)) {
      s.remove_prefix(1);
      while (IsDigit(s, 0)) s.remove_prefix(1);
    }
    if (layout != Layout::kSpace && !Consume(s, 'Z')) {
      // Z07:00: a sign, two-digit hours up to 24, ':' and two-digit minutes up to 60.
      if (s.size() < 6 || s[3] != ':' || (s[0] != '+' && s[0] != '-')) return false;
      if (!IsDigit(s, 1) || !IsDigit(s, 2) || !IsDigit(s, 4) || !IsDigit(s, 5)) return false;
      if ((s[1] - '0') * 10 + (s[2] - '0') > 24 || (s[4] - '0') * 10 + (s[5] - '0') > 60) {
        return false;
      }
      s.remove_prefix(6);
    }
  }
  return s.empty() && *day >= 1 && *day <= DaysIn(*month, year);
}

// resolve.go parseTimestamp: YYYY- first, then the layouts in order.
bool IsTimestamp(std::string_view s) {
  std::size_t i = 0;
  while (IsDigit(s, i)) ++i;
  if (i != 4 || i == s.size() || s[i] != '-') return false;
  for (Layout layout : {Layout::kUpperT, Layout::kLowerT, Layout::kSpace, Layout::kDateOnly}) {
    if (ParsesWithLayout(s, layout)) return true;
  }
  return false;
}

// Numbers, timestamps and binary literals, for text starting with a digit or a sign.
bool ResolvesToNumberOrTime(std::string_view s) {
  if (IsTimestamp(s)) return true;
  std::string plain;
  for (char c : s) {
    if (c != '_') plain += c;
  }
  const std::string_view p = plain;
  if (ParsesAsInt(p, 0) || ParseUint(p, 0)) return true;
  if (IsYamlStyleFloat(p) && go::ParseFloat(p)) return true;
  if (p.substr(0, 2) == "0b") return ParsesAsInt(p.substr(2), 2) || ParseUint(p.substr(2), 2);
  if (p.substr(0, 3) == "-0b") return ParsesAsInt("-" + std::string(p.substr(3)), 2);
  return false;
}

// encode.go isBase60Float: ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
bool IsBase60Float(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (!IsDigit(s, i)) return false;
  while (IsDigit(s, i) || (i < s.size() && s[i] == '_')) ++i;
  int groups = 0;
  while (i < s.size() && s[i] == ':') {
    ++i;
    // [0-5]?[0-9]: one digit, or two when the first is 0-5 (the regexp backtracks).
    if (!IsDigit(s, i)) return false;
    if (s[i] <= '5' && IsDigit(s, i + 1)) ++i;
    ++i;
    ++groups;
  }
  if (groups == 0) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (IsDigit(s, i) || (i < s.size() && s[i] == '_')) ++i;
  }
  return i == s.size();
}

}  // namespace

bool ResolvesToString(std::string_view text) {
  // Only text starting with a sign, a digit, '.', one of "yYnNtTfFoO~" (or empty) can
  // resolve to anything but a string: "<<" is a merge key only when written by hand.
  const char first = text.empty() ? '\0' : text[0];
  const bool digit_or_sign = first == '+' || first == '-' || (first >= '0' && first <= '9');
  if (!text.empty() && !digit_or_sign && first != '.' &&
      std::string_view("yYnNtTfFoO~").find(first) == std::string_view::npos) {
    return true;
  }
  for (std::string_view word : kReservedWords) {
    if (text == word) return false;
  }
  if (first == '.' && go::ParseFloat(text)) return false;
  if (digit_or_sign && ResolvesToNumberOrTime(text)) return false;
  return !IsBase60Float(text);
}

}  // namespace pvcwatch::print
