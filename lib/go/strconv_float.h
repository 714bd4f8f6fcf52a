#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pvcwatch::go {

/// Go's strconv.FormatFloat(value, format, -1, 64): the shortest digits that read back as
/// `value`, laid out as 'e' (1.5e+06), 'f' (1500000) or 'g' (%e when the exponent is < -4
/// or >= 6, else %f). NaN and infinities give "NaN", "+Inf", "-Inf".
std::string FormatFloat(double value, char format);

/// Go's strconv.ParseFloat(text, 64) for decimal text ("1.5", ".5e3", "1_000.5"; no hex,
/// Inf or NaN forms): nullopt on a syntax error or when the value overflows float64 (Go's
/// ErrRange); a value too small for float64 reads as zero, as in Go.
std::optional<double> ParseFloat(std::string_view text);

}  // namespace pvcwatch::go
