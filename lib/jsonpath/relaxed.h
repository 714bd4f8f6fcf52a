#pragma once

#include <string>
#include <string_view>

namespace pvcwatch::jsonpath {

/// kubectl's RelaxedJSONPathExpression (custom-columns, --sort-by): "a.b", ".a.b", "{a.b}"
/// and "{.a.b}" all become "{.a.b}"; "" stays "". Throws ParseError with kubectl's text
/// ("unexpected path string, expected a 'name1.name2' or ...") for anything else.
std::string RelaxedJsonPathExpression(std::string_view path);

}  // namespace pvcwatch::jsonpath
