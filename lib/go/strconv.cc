#include "go/strconv.h"

#include <limits>

#include "go/unicode.h"
#include "go/utf8.h"

namespace pvcwatch::go {
namespace {

char Lower(char c) { return static_cast<char>(c | ('x' - 'X')); }

constexpr char kLowerHex[] = "0123456789abcdef";

void AppendHex(std::string& out, std::uint32_t value, int digits) {
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
    out += kLowerHex[(value >> shift) & 0xF];
  }
}

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  const char lower = Lower(c);
  if (lower >= 'a' && lower <= 'z') return lower - 'a' + 10;
  return 99;
}

// strconv's underscoreOK: with base 0, '_' may only stand between digits (a base prefix
// counts as a digit).
bool UnderscoresOk(std::string_view s) {
  char saw = '^';  // ^ start, 0 digit or prefix, _ underscore, ! anything else
  std::size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' &&
      (Lower(s[1]) == 'b' || Lower(s[1]) == 'o' || Lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = Lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && Lower(c) >= 'a' && Lower(c) <= 'f')) {
      saw = '0';
    } else if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
    } else {
      if (saw == '_') return false;
      saw = '!';
    }
  }
  return saw != '_';
}

}  // namespace

Parsed<std::uint64_t> ParseUint(std::string_view s, int base, int bit_size) {
  if (s.empty()) return {0, NumError::kSyntax};
  const std::string_view whole = s;
  const bool base0 = base == 0;
  if (base0) {
    base = 10;
    if (s[0] == '0') {
      const char second = s.size() >= 3 ? Lower(s[1]) : '\0';
      base = second == 'b' ? 2 : second == 'o' ? 8 : second == 'x' ? 16 : 8;
      s.remove_prefix(base == 8 && second != 'o' ? 1 : 2);
    }
  } else if (base < 2 || base > 36) {
    return {0, NumError::kSyntax};
  }
  const std::uint64_t max = bit_size >= 64 ? std::numeric_limits<std::uint64_t>::max()
                                           : (std::uint64_t{1} << bit_size) - 1;
  const std::uint64_t cutoff = std::numeric_limits<std::uint64_t>::max() / base + 1;
  std::uint64_t n = 0;
  bool underscores = false;
  for (char c : s) {
    if (c == '_' && base0) {
      underscores = true;
      continue;
    }
    const int digit = DigitValue(c);
    if (digit >= base) return {0, NumError::kSyntax};
    if (n >= cutoff) return {max, NumError::kRange};
    const std::uint64_t next = n * base + static_cast<std::uint64_t>(digit);
    if (next < n || next > max) return {max, NumError::kRange};
    n = next;
  }
  if (underscores && !UnderscoresOk(whole)) return {0, NumError::kSyntax};
  return {n, NumError::kNone};
}

Parsed<std::int64_t> ParseInt(std::string_view s, int base, int bit_size) {
  if (s.empty()) return {0, NumError::kSyntax};
  bool negative = false;
  if (s[0] == '+' || s[0] == '-') {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  const Parsed<std::uint64_t> magnitude = ParseUint(s, base, bit_size);
  if (magnitude.error == NumError::kSyntax) return {0, NumError::kSyntax};
  const std::uint64_t cutoff = std::uint64_t{1} << (bit_size >= 64 ? 63 : bit_size - 1);
  if (!negative && magnitude.value >= cutoff) {
    return {static_cast<std::int64_t>(cutoff - 1), NumError::kRange};
  }
  if (negative && magnitude.value > cutoff) {
    return {-static_cast<std::int64_t>(cutoff - 1) - 1, NumError::kRange};
  }
  const auto value = static_cast<std::int64_t>(magnitude.value);
  return {negative ? static_cast<std::int64_t>(0 - magnitude.value) : value, magnitude.error};
}

std::optional<std::int64_t> ParseIntOrNull(std::string_view s, int base, int bit_size) {
  const Parsed<std::int64_t> parsed = ParseInt(s, base, bit_size);
  if (!parsed.ok()) return std::nullopt;
  return parsed.value;
}

std::string NumErrorText(std::string_view function, std::string_view s, NumError error) {
  return "strconv." + std::string(function) + ": parsing " + Quote(s) + ": " +
         (error == NumError::kRange ? "value out of range" : "invalid syntax");
}

std::optional<bool> ParseBool(std::string_view s) {
  if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") return true;
  if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") {
    return false;
  }
  return std::nullopt;
}

std::string Quote(std::string_view s) {
  std::string out = "\"";
  while (!s.empty()) {
    const Rune rune = DecodeRune(s);
    const char32_t r = rune.value;
    if (!rune.valid && rune.size == 1) {
      out += "\\x";
      AppendHex(out, static_cast<unsigned char>(s[0]), 2);
    } else if (r == '"' || r == '\\') {
      out += '\\';
      out += static_cast<char>(r);
    } else if (IsPrint(r)) {
      out.append(s.substr(0, rune.size));
    } else {
      switch (r) {
        case '\a': out += "\\a"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\v': out += "\\v"; break;
        default:
          if (r < ' ' || r == 0x7F) {
            out += "\\x";
            AppendHex(out, r, 2);
          } else if (r < 0x10000) {
            out += "\\u";
            AppendHex(out, r, 4);
          } else {
            out += "\\U";
            AppendHex(out, r, 8);
          }
      }
    }
    s.remove_prefix(rune.size);
  }
  return out + "\"";
}

}  // namespace pvcwatch::go
