#include "go/utf16.h"

#include "go/utf8.h"

namespace pvcwatch::go {

std::u16string Utf16FromString(std::string_view text) {
  std::u16string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const Rune rune = DecodeRune(text);
    text.remove_prefix(rune.size);
    if (rune.value < 0x10000) {
      out.push_back(static_cast<char16_t>(rune.value));
    } else {
      const char32_t v = rune.value - 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (v >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (v & 0x3FF)));
    }
  }
  return out;
}

std::string Utf16ToString(std::u16string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size() && text[i] != 0; ++i) {
    const char32_t unit = text[i];
    if (unit >= 0xD800 && unit < 0xDC00 && i + 1 < text.size() && text[i + 1] >= 0xDC00 &&
        text[i + 1] < 0xE000) {
      AppendRune(out, 0x10000 + ((unit - 0xD800) << 10) + (text[++i] - 0xDC00));
    } else if (unit >= 0xD800 && unit < 0xE000) {
      AppendRune(out, 0xFFFD);
    } else {
      AppendRune(out, unit);
    }
  }
  return out;
}

}  // namespace pvcwatch::go
