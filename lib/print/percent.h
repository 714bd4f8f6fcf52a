#pragma once

#include <string>

#include "json/value.h"

namespace pvcwatch::print {

/// "112.5": a percentage as the original pvcwatch printed it (%3.1f).
std::string FormatPercent(double percent);

/// The same percentage as a JSON number (112.5, or 75 rather than 75.0, as Go writes).
json::Value PercentNumber(double percent);

}  // namespace pvcwatch::print
