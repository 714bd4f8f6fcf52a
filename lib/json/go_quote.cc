#include "json/go_quote.h"

#include <cstdint>

#include "json/unicode_class.h"
#include "json/utf8.h"

namespace pvcwatch::json {
namespace {

constexpr char kLowerHex[] = "0123456789abcdef";

void AppendHex(std::string& out, std::uint32_t value, int digits) {
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
    out += kLowerHex[(value >> shift) & 0xF];
  }
}

}  // namespace

std::string GoQuote(std::string_view s) {
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

}  // namespace pvcwatch::json
