#pragma once

#include "cli/options.h"

namespace pvcwatch::cli {

/// Parses argv as kubectl's pflag would (`--f=v`, `--f v`, `-f v`, `-f=v`, `-fv`), by the
/// flag table (flags.h). Throws UsageError with kubectl's wording ("unknown flag: --x");
/// an unknown -o is a std::runtime_error, which kubectl prints without the pointer to
/// --help.
Options ParseOptions(int argc, const char* const argv[]);

}  // namespace pvcwatch::cli
