#pragma once

#include <iosfwd>

#include "cli/options.h"

namespace pvcwatch::cli {

/// Exit codes, as documented in --help and README.md.
constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitOverage = 3;

/// Runs the command. Returns the exit code for an outcome; throws for errors, which
/// main turns into kubectl-style text (see ErrorMessage).
int Run(const Options& options, std::ostream& out, std::ostream& err);

/// kubectl's one-line wording for an exception thrown by Run or ParseOptions.
std::string ErrorMessage(const std::exception& error);

}  // namespace pvcwatch::cli
