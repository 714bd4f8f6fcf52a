#pragma once

#include <iosfwd>
#include <memory>

#include "cli/options.h"
#include "print/object_printer.h"

namespace pvcwatch::cli {

/// kubectl's printer of objects for -o name, jsonpath, jsonpath-as-json, custom-columns
/// (and json/yaml, for --output-watch-events), writing to `out`; nullptr for the table.
/// Throws std::runtime_error with kubectl's text for a template it cannot parse.
std::unique_ptr<print::ObjectPrinter> MakeObjectPrinter(const Options& options, std::ostream& out);

}  // namespace pvcwatch::cli
