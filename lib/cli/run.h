#pragma once

#include <iosfwd>

#include "cli/error_message.h"
#include "cli/options.h"

namespace pvcwatch::cli {

/// Runs the command. Returns the exit code for an outcome; throws for errors, which
/// main turns into kubectl-style text (see ErrorMessage).
int Run(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace pvcwatch::cli
