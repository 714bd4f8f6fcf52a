#pragma once

#include <string>
#include <string_view>

#include "json/value.h"

namespace pvcwatch::jsonpath {

/// The error kubectl's JSONPath printer flags report for a template the parser rejects
/// (cli-runtime JSONPathPrintFlags.ToPrinter): "error parsing jsonpath TEMPLATE, ERROR".
std::string FormatParseError(std::string_view template_text, std::string_view error);

/// The error cli-runtime's JSONPathPrinter.PrintObj reports when execution fails: the
/// template quoted, the engine's error, then the template and the object given to the
/// engine (Go's %#v of it) "for debugging", ending in three newlines.
std::string FormatExecuteError(std::string_view template_text, std::string_view error,
                               const json::Value& object);

}  // namespace pvcwatch::jsonpath
