#pragma once

// Go's strings package, where its rules differ from the C++ library's.

#include <string>
#include <string_view>
#include <vector>

namespace pvcwatch::go {

/// strings.TrimSpace: white space as unicode.IsSpace has it (ASCII, U+0085, U+00A0, ...).
std::string_view TrimSpace(std::string_view text);

/// strings.Fields (and bufio.ScanWords over one line): the runs of text between white
/// space as unicode.IsSpace has it; an invalid byte is not space. Views into `text`.
std::vector<std::string_view> Fields(std::string_view text);

/// strings.ToLower for ASCII (what hosts, schemes and NO_PROXY entries compare in).
std::string ToLower(std::string_view text);

}  // namespace pvcwatch::go
