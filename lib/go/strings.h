#pragma once

// Go's strings package, where its rules differ from the C++ library's.

#include <string_view>

namespace pvcwatch::go {

/// strings.TrimSpace for ASCII white space (\t \n \v \f \r and space).
std::string_view TrimSpace(std::string_view text);

}  // namespace pvcwatch::go
