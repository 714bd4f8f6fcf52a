#pragma once

namespace pvcwatch::go {

/// Go's unicode.IsLetter: categories Lu, Ll, Lt, Lm and Lo.
bool IsLetter(char32_t c);

/// Go's unicode.IsDigit: category Nd (decimal digits of every script).
bool IsDigit(char32_t c);

/// Go's unicode.IsPrint (and strconv.IsPrint): letters, marks, numbers, punctuation,
/// symbols and U+0020; what %q and %#U show as themselves.
bool IsPrint(char32_t c);

}  // namespace pvcwatch::go
