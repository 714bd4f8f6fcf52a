#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pvcwatch::rest {

/// "?k=v&k2=v2" with each key and value percent-encoded; "" when there are none.
std::string EncodeQuery(const std::vector<std::pair<std::string, std::string>>& params);

/// One path segment percent-encoded (a namespace or object name).
std::string EscapePathSegment(std::string_view segment);

}  // namespace pvcwatch::rest
