#pragma once

#include <iosfwd>

#include "cli/error_message.h"
#include "cli/options.h"
#include "cli/watch_command.h"

namespace pvcwatch::cli {

/// Where the command reads and writes: main passes the process's own.
struct Streams {
  std::istream& in;  // --from-file -
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;  // the summary's usage bar is drawn only on a terminal
};

/// Runs the command. Returns the exit code for an outcome; throws for errors, which
/// main turns into kubectl-style text (see ErrorMessage).
int Run(const Options& options, const Streams& io, const WatchSettings& settings = {});

}  // namespace pvcwatch::cli
