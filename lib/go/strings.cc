#include "go/strings.h"

#include <algorithm>

#include "go/utf8.h"

namespace pvcwatch::go {

namespace {

// unicode.IsSpace: the ASCII white space, U+0085, U+00A0 and the Z categories' spaces.
bool IsSpace(char32_t r) {
  switch (r) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000: return true;
    default: return r >= 0x2000 && r <= 0x200A;
  }
}

}  // namespace

std::string_view TrimSpace(std::string_view text) {
  std::size_t begin = text.size(), end = 0;
  for (std::size_t i = 0; i < text.size();) {
    const Rune rune = DecodeRune(text.substr(i));
    if (!(rune.valid && IsSpace(rune.value))) {
      begin = std::min(begin, i);
      end = i + rune.size;
    }
    i += rune.size;
  }
  return begin < end ? text.substr(begin, end - begin) : std::string_view();
}

std::vector<std::string_view> Fields(std::string_view text) {
  std::vector<std::string_view> fields;
  std::size_t start = std::string_view::npos;
  for (std::size_t i = 0; i < text.size();) {
    const Rune rune = DecodeRune(text.substr(i));
    const bool space = rune.valid && IsSpace(rune.value);
    if (space && start != std::string_view::npos) {
      fields.push_back(text.substr(start, i - start));
      start = std::string_view::npos;
    } else if (!space && start == std::string_view::npos) {
      start = i;
    }
    i += rune.size;
  }
  if (start != std::string_view::npos) fields.push_back(text.substr(start));
  return fields;
}

std::string ToLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

}  // namespace pvcwatch::go
