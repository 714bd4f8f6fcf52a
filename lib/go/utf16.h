#pragma once

// Go's unicode/utf16 as the Windows API needs it: its W functions take UTF-16, our text
// is UTF-8 everywhere else.

#include <string>
#include <string_view>

namespace pvcwatch::go {

/// syscall.UTF16FromString without the terminating zero: invalid UTF-8 becomes U+FFFD
/// byte by byte, as Go's range over a string does.
std::u16string Utf16FromString(std::string_view text);

/// syscall.UTF16ToString, up to the first zero: an unpaired surrogate becomes U+FFFD.
std::string Utf16ToString(std::u16string_view text);

}  // namespace pvcwatch::go
