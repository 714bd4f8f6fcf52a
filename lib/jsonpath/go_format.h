#pragma once

#include <string>
#include <string_view>

#include "json/value.h"
#include "jsonpath/result.h"

namespace pvcwatch::jsonpath {

/// Go's fmt %#U of a rune: "U+0023 '#'", or "U+0009" when strconv.IsPrint says no.
std::string FormatUnicode(char32_t r);

/// Go's fmt %v of a result, as client-go's errors print one: maps as map[k:v ...] with
/// sorted keys, slices as [a b], nil as <nil>, the zero reflect.Value as <invalid reflect.Value>.
std::string FormatValue(const Result& r);

/// Go's fmt %v of a result printed as text (fmt.Fprint): strings raw, numbers as Go formats
/// an int64 or a float64 (1e+06, 1.5), bools. Only for scalars.
std::string FormatScalar(const Result& r);

/// Go's fmt %#v of a decoded document: map[string]interface {}{"k":v, ...} with sorted
/// keys, []interface {}{...}, quoted strings, interface {}(nil).
std::string FormatGoSyntax(const json::Value& value);

/// reflect's Type().String() of a non-nil result: "map[string]interface {}", "string", ...
std::string_view TypeName(const Result& r);

}  // namespace pvcwatch::jsonpath
