#pragma once

namespace pvcwatch::print {

/// Go's unicode.IsLetter: categories Lu, Ll, Lt, Lm and Lo.
bool IsLetter(char32_t c);

/// Go's unicode.IsDigit: category Nd (decimal digits of every script).
bool IsDigit(char32_t c);

}  // namespace pvcwatch::print
