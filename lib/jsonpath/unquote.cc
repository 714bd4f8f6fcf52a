#include "jsonpath/unquote.h"

#include "go/utf8.h"

// strconv.UnquoteChar's escapes, as Go 1.26 reads them.
namespace pvcwatch::jsonpath {
namespace {

std::optional<int> Unhex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return std::nullopt;
}

// strconv.UnquoteChar: one character of `s` (advanced past it), or nullopt for ErrSyntax.
// `multibyte` says whether the value is a rune to encode as UTF-8 rather than a byte.
std::optional<char32_t> UnquoteChar(std::string_view& s, char quote, bool& multibyte) {
  multibyte = false;
  if (s.empty() || s[0] == quote) return std::nullopt;
  if (static_cast<unsigned char>(s[0]) >= 0x80) {
    const go::Rune rune = go::DecodeRune(s);
    s.remove_prefix(rune.size);
    multibyte = true;
    return rune.value;
  }
  if (s[0] != '\\') {
    const char32_t c = static_cast<unsigned char>(s[0]);
    s.remove_prefix(1);
    return c;
  }
  if (s.size() <= 1) return std::nullopt;
  const char c = s[1];
  s.remove_prefix(2);
  switch (c) {
    case 'a': return U'\a';
    case 'b': return U'\b';
    case 'f': return U'\f';
    case 'n': return U'\n';
    case 'r': return U'\r';
    case 't': return U'\t';
    case 'v': return U'\v';
    case '\\': return U'\\';
    case '\'':
    case '"':
      if (c != quote) return std::nullopt;
      return static_cast<char32_t>(c);
    case 'x':
    case 'u':
    case 'U': {
      const std::size_t n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
      if (s.size() < n) return std::nullopt;
      char32_t value = 0;
      for (std::size_t j = 0; j < n; ++j) {
        const std::optional<int> digit = Unhex(s[j]);
        if (!digit) return std::nullopt;
        value = value << 4 | static_cast<char32_t>(*digit);
      }
      s.remove_prefix(n);
      if (c == 'x') return value;  // one byte, maybe not UTF-8
      if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
      multibyte = true;
      return value;
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      char32_t value = static_cast<char32_t>(c - '0');
      if (s.size() < 2) return std::nullopt;
      for (std::size_t j = 0; j < 2; ++j) {
        if (s[j] < '0' || s[j] > '7') return std::nullopt;
        value = value << 3 | static_cast<char32_t>(s[j] - '0');
      }
      s.remove_prefix(2);
      if (value > 255) return std::nullopt;
      return value;
    }
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<std::string> UnquoteExtend(std::string_view s) {
  const std::size_t n = s.size();
  if (n < 2 || s[0] != s[n - 1] || (s[0] != '"' && s[0] != '\'')) return std::nullopt;
  const char quote = s[0];
  s = s.substr(1, n - 2);
  // Without escapes or quotes the bytes are kept as they are, invalid UTF-8 included.
  if (s.find('\\') == std::string_view::npos && s.find(quote) == std::string_view::npos) {
    return std::string(s);
  }
  std::string out;
  while (!s.empty()) {
    bool multibyte = false;
    const std::optional<char32_t> c = UnquoteChar(s, quote, multibyte);
    if (!c) return std::nullopt;
    if (*c < 0x80 || !multibyte) {
      out += static_cast<char>(*c);
    } else {
      go::AppendRune(out, *c);
    }
  }
  return out;
}

}  // namespace pvcwatch::jsonpath
