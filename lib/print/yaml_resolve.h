#pragma once

#include <string_view>

namespace pvcwatch::print {

/// Whether goyaml v2 would read `text`, written unquoted, back as the same string rather
/// than a bool, null, number, timestamp, merge key or base-60 float: its encoder quotes a
/// string exactly when this is false.
bool ResolvesToString(std::string_view text);

}  // namespace pvcwatch::print
