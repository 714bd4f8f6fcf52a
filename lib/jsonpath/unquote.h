#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pvcwatch::jsonpath {

/// client-go's UnquoteExtend: Go's strconv.Unquote of a "..." or '...' literal (Go's
/// escapes; the other quote kind may not be escaped). Nullopt where Go says "invalid syntax".
std::optional<std::string> UnquoteExtend(std::string_view s);

}  // namespace pvcwatch::jsonpath
