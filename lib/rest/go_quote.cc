#include "rest/go_quote.h"

namespace pvcwatch::rest {

std::string GoQuote(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string quoted = "\"";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': quoted += "\\\""; break;
      case '\\': quoted += "\\\\"; break;
      case '\a': quoted += "\\a"; break;
      case '\b': quoted += "\\b"; break;
      case '\f': quoted += "\\f"; break;
      case '\n': quoted += "\\n"; break;
      case '\r': quoted += "\\r"; break;
      case '\t': quoted += "\\t"; break;
      case '\v': quoted += "\\v"; break;
      default:
        if (u < 0x20 || u == 0x7f) {
          quoted += "\\x";
          quoted += kHex[u >> 4];
          quoted += kHex[u & 0xf];
        } else {
          quoted += c;  // UTF-8 is kept as is, as Go keeps printable runes
        }
    }
  }
  return quoted + "\"";
}

}  // namespace pvcwatch::rest
