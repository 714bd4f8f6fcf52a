#include "go/yaml_resolve.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "go/strconv.h"
#include "go/strconv_float.h"
#include "go/time.h"

// Mirrors go.yaml.in/yaml/v2 resolve.go (resolve with an empty tag) and encode.go
// (isBase60Float), with Go's strconv and time.Parse rules it relies on.
namespace pvcwatch::go {
namespace {

using Kind = YamlScalar::Kind;

// resolve.go's table of words with a fixed meaning: YAML 1.1 bools, nulls, .inf and .nan
// (its "<<" entry is never reached: '<' is not a resolvable first character).
struct Word {
  std::string_view text;
  Kind kind;
  const char* value;  // "true"/"false" for bools, the float's text for floats
};
constexpr Word kWords[] = {{"y", Kind::kBool, "true"},      {"Y", Kind::kBool, "true"},
                           {"yes", Kind::kBool, "true"},    {"Yes", Kind::kBool, "true"},
                           {"YES", Kind::kBool, "true"},    {"true", Kind::kBool, "true"},
                           {"True", Kind::kBool, "true"},   {"TRUE", Kind::kBool, "true"},
                           {"on", Kind::kBool, "true"},     {"On", Kind::kBool, "true"},
                           {"ON", Kind::kBool, "true"},     {"n", Kind::kBool, "false"},
                           {"N", Kind::kBool, "false"},     {"no", Kind::kBool, "false"},
                           {"No", Kind::kBool, "false"},    {"NO", Kind::kBool, "false"},
                           {"false", Kind::kBool, "false"}, {"False", Kind::kBool, "false"},
                           {"FALSE", Kind::kBool, "false"}, {"off", Kind::kBool, "false"},
                           {"Off", Kind::kBool, "false"},   {"OFF", Kind::kBool, "false"},
                           {"", Kind::kNull, ""},           {"~", Kind::kNull, ""},
                           {"null", Kind::kNull, ""},       {"Null", Kind::kNull, ""},
                           {"NULL", Kind::kNull, ""},       {".nan", Kind::kFloat, "NaN"},
                           {".NaN", Kind::kFloat, "NaN"},   {".NAN", Kind::kFloat, "NaN"},
                           {".inf", Kind::kFloat, "+Inf"},  {".Inf", Kind::kFloat, "+Inf"},
                           {".INF", Kind::kFloat, "+Inf"},  {"+.inf", Kind::kFloat, "+Inf"},
                           {"+.Inf", Kind::kFloat, "+Inf"}, {"+.INF", Kind::kFloat, "+Inf"},
                           {"-.inf", Kind::kFloat, "-Inf"}, {"-.Inf", Kind::kFloat, "-Inf"},
                           {"-.INF", Kind::kFloat, "-Inf"}};

// A resolution, with the timestamp tag kept apart: the decoder hands timestamps to
// interface{} as strings, while the encoder must quote them.
struct Resolution {
  YamlScalar scalar;
  bool timestamp = false;
};

Resolution Of(Kind kind, std::string number = {}) {
  return {YamlScalar{kind, false, std::move(number)}, false};
}

bool IsDigit(std::string_view s, std::size_t i) {
  return i < s.size() && s[i] >= '0' && s[i] <= '9';
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

enum class Layout { kUpperT, kLowerT, kSpace, kDateOnly };

// time.Parse with goyaml's layouts "2006-1-2T15:4:5.999999999Z07:00" (and 't'),
// "2006-1-2 15:4:5.999999999" and "2006-1-2".
bool ParsesWithLayout(std::string_view s, Layout layout) {
  const int year = static_cast<int>(ParseInt(s.substr(0, 4)).value);
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
Resolution NumberOrTime(std::string_view s) {
  if (IsTimestamp(s)) return {YamlScalar{}, true};
  std::string plain;
  for (char c : s) {
    if (c != '_') plain += c;
  }
  const std::string_view p = plain;
  if (const auto i = ParseInt(p, 0); i.ok()) return Of(Kind::kInt, std::to_string(i.value));
  if (const auto u = ParseUint(p, 0); u.ok()) return Of(Kind::kInt, std::to_string(u.value));
  if (IsYamlStyleFloat(p)) {
    if (const auto f = ParseFloat(p)) return Of(Kind::kFloat, FormatFloat(*f, 'g'));
  }
  std::string binary;
  if (p.substr(0, 2) == "0b") binary = p.substr(2);
  if (p.substr(0, 3) == "-0b") binary = "-" + std::string(p.substr(3));
  if (!binary.empty()) {
    if (const auto i = ParseInt(binary, 2); i.ok()) return Of(Kind::kInt, std::to_string(i.value));
    if (const auto u = ParseUint(binary, 2); u.ok()) {
      return Of(Kind::kInt, std::to_string(u.value));
    }
  }
  return Of(Kind::kString);
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

// resolve.go resolve() with an empty tag.
Resolution Resolve(std::string_view text) {
  // Only text starting with a sign, a digit, '.', one of "yYnNtTfFoO~" (or empty) can
  // resolve to anything but a string.
  const char first = text.empty() ? '\0' : text[0];
  const bool digit_or_sign = first == '+' || first == '-' || (first >= '0' && first <= '9');
  if (!text.empty() && !digit_or_sign && first != '.' &&
      std::string_view("yYnNtTfFoO~").find(first) == std::string_view::npos) {
    return Of(Kind::kString);
  }
  for (const Word& word : kWords) {
    if (text != word.text) continue;
    Resolution r = Of(word.kind, word.kind == Kind::kFloat ? word.value : "");
    r.scalar.boolean = std::string_view(word.value) == "true";
    return r;
  }
  if (first == '.') {
    if (const auto f = ParseFloat(text)) return Of(Kind::kFloat, FormatFloat(*f, 'g'));
  }
  if (digit_or_sign) return NumberOrTime(text);
  return Of(Kind::kString);
}

}  // namespace

YamlScalar ResolvePlainScalar(std::string_view text) { return Resolve(text).scalar; }

bool ResolvesToString(std::string_view text) {
  const Resolution r = Resolve(text);
  return r.scalar.kind == Kind::kString && !r.timestamp && !IsBase60Float(text);
}

}  // namespace pvcwatch::go
