#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pvcwatch::go {

/// One code point read from UTF-8 text, as Go's utf8.DecodeRuneInString reads it.
struct Rune {
  char32_t value = 0;    ///< U+FFFD when the bytes are not valid UTF-8.
  std::size_t size = 0;  ///< Bytes consumed: 1 for an invalid or truncated sequence.
  bool valid = false;    ///< False when the bytes were not valid UTF-8.
};

/// Decodes the first code point of non-empty `text`; invalid bytes decode one at a time.
Rune DecodeRune(std::string_view text);

/// The number of code points in `text`, counting each invalid byte as one (Go's
/// utf8.RuneCountInString).
std::size_t RuneCount(std::string_view text);

/// Appends `value` encoded as UTF-8.
void AppendRune(std::string& out, char32_t value);

}  // namespace pvcwatch::go
