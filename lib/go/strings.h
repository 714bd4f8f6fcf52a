#pragma once

// Go's strings package, where its rules differ from the C++ library's.

#include <string>
#include <string_view>

namespace pvcwatch::go {

/// strings.TrimSpace for ASCII white space (\t \n \v \f \r and space).
std::string_view TrimSpace(std::string_view text);

/// strings.ToLower for ASCII (what hosts, schemes and NO_PROXY entries compare in).
std::string ToLower(std::string_view text);

}  // namespace pvcwatch::go
