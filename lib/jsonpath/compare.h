#pragma once

#include <string>
#include <string_view>

#include "jsonpath/result.h"

namespace pvcwatch::jsonpath {

/// Applies a filter operator (==, !=, <, >, <=, >=) as client-go's forked text/template
/// functions do: same-kind scalars only (an int64 field is not comparable with 1.5), int
/// and uint across signs. On a failure returns false and sets `error` to upstream's text
/// ("incompatible types for comparison", "invalid type for comparison").
bool Compare(std::string_view op, const Result& left, const Result& right, std::string& error);

}  // namespace pvcwatch::jsonpath
