#include "go/strconv_float.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

namespace pvcwatch::go {
namespace {

// The shortest decimal digits of a finite value and the position of the decimal point
// (value = 0.d1d2d3... * 10^point), the form Go's formatter works from.
struct Digits {
  std::string digits;
  int point = 0;
};

Digits ShortestDigits(double magnitude) {
  Digits out;
  if (magnitude == 0) return out;  // Go: no digits, point 0.
  // std::to_chars without a precision yields the shortest round-trip digits, as Go's
  // Dragonbox/Ryu path does; scientific form gives them with a plain exponent.
  char buffer[64];
  auto result =
      std::to_chars(buffer, buffer + sizeof buffer, magnitude, std::chars_format::scientific);
  std::string_view text(buffer, result.ptr - buffer);
  const std::size_t e = text.find('e');
  for (char c : text.substr(0, e)) {
    if (c != '.') out.digits += c;
  }
  int exponent = 0;
  std::string_view exp_text = text.substr(e + 1);
  if (!exp_text.empty() && exp_text.front() == '+') exp_text.remove_prefix(1);
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
  while (out.digits.size() > 1 && out.digits.back() == '0') out.digits.pop_back();
  out.point = exponent + 1;
  return out;
}

// %e: d.ddd e±dd, with `precision` digits after the point.
void AppendE(std::string& out, const Digits& d, int precision) {
  const int nd = static_cast<int>(d.digits.size());
  out += nd != 0 ? d.digits[0] : '0';
  if (precision > 0) {
    out += '.';
    for (int i = 1; i <= precision; ++i) out += i < nd ? d.digits[i] : '0';
  }
  out += 'e';
  int exponent = nd == 0 ? 0 : d.point - 1;
  out += exponent < 0 ? '-' : '+';
  exponent = std::abs(exponent);
  if (exponent < 10) out += '0';
  out += std::to_string(exponent);
}

// %f: integer digits padded with zeros, then `precision` fraction digits.
void AppendF(std::string& out, const Digits& d, int precision) {
  const int nd = static_cast<int>(d.digits.size());
  if (d.point > 0) {
    const int m = std::min(nd, d.point);
    out.append(d.digits, 0, m);
    out.append(d.point - m, '0');
  } else {
    out += '0';
  }
  if (precision > 0) {
    out += '.';
    for (int i = 0; i < precision; ++i) {
      const int j = d.point + i;
      out += (j >= 0 && j < nd) ? d.digits[j] : '0';
    }
  }
}

// Go's readFloat for base 10: sign, digits with at most one '.', optional exponent, and
// underscores only between digits (underscoreOK); the whole text must be used.
bool IsGoDecimalFloat(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const std::size_t start = i;
  bool saw_dot = false, saw_digits = false, underscores = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '_') {
      underscores = true;
    } else if (c == '.' && !saw_dot) {
      saw_dot = true;
    } else if (c >= '0' && c <= '9') {
      saw_digits = true;
    } else {
      break;
    }
  }
  if (!saw_digits) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_')) {
      underscores = underscores || s[i] == '_';
      ++i;
    }
  }
  if (i != s.size()) return false;
  if (!underscores) return true;
  // An underscore must sit between two digits.
  char saw = '^';
  for (std::size_t j = start; j < s.size(); ++j) {
    const char c = s[j];
    if (c >= '0' && c <= '9') {
      saw = '0';
    } else if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
    } else if (saw == '_') {
      return false;
    } else {
      saw = '!';
    }
  }
  return saw != '_';
}

// For text std::from_chars found out of range: the power of ten just above its leading
// digit, positive when the value overflowed and not positive when it underflowed.
long long DecimalMagnitude(std::string_view s) {
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  const std::size_t e = s.find_first_of("eE");
  const std::string_view mantissa = s.substr(0, e);
  const std::size_t dot = std::min(mantissa.find('.'), mantissa.size());
  const std::size_t first = mantissa.find_first_of("123456789");
  if (first == std::string_view::npos) return 0;
  const long long position =
      first < dot ? static_cast<long long>(dot - first) : -static_cast<long long>(first - dot - 1);
  long long exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view digits = s.substr(e + 1);
    const bool negative = !digits.empty() && digits.front() == '-';
    if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) {
      digits.remove_prefix(1);
    }
    for (char c : digits) exponent = std::min(exponent * 10 + (c - '0'), 1000000000LL);
    if (negative) exponent = -exponent;
  }
  return position + exponent;
}

}  // namespace

std::optional<double> ParseFloat(std::string_view text) {
  if (!IsGoDecimalFloat(text)) return std::nullopt;
  std::string digits;
  for (char c : text) {
    if (c != '_' && !(c == '+' && digits.empty())) digits += c;
  }
  double value = 0;
  const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (result.ec == std::errc::result_out_of_range) {
    if (DecimalMagnitude(digits) > 0) return std::nullopt;
    return digits.front() == '-' ? -0.0 : 0.0;
  }
  if (result.ec != std::errc() || result.ptr != digits.data() + digits.size()) {
    return std::nullopt;
  }
  return value;
}

std::string FormatFloat(double value, char format) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  std::string out;
  if (std::signbit(value)) out += '-';
  const Digits d = ShortestDigits(std::fabs(value));
  const int nd = static_cast<int>(d.digits.size());
  switch (format) {
    case 'e': AppendE(out, d, std::max(nd - 1, 0)); break;
    case 'f': AppendF(out, d, std::max(nd - d.point, 0)); break;
    case 'g': {
      // Shortest %g switches to %e at exponent < -4 or >= 6 (strconv uses precision 6
      // for the decision when no precision is given).
      const int exponent = d.point - 1;
      if (exponent < -4 || exponent >= 6) {
        AppendE(out, d, nd - 1);
      } else {
        AppendF(out, d, std::max(nd - d.point, 0));
      }
      break;
    }
    default:
      throw std::invalid_argument(std::string("FormatFloat: unknown format '") + format + "'");
  }
  return out;
}

}  // namespace pvcwatch::go
