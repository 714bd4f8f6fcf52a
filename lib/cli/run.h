#pragma once

#include <iosfwd>
#include <string>

#include "cli/error_message.h"
#include "cli/options.h"
#include "cli/watch_command.h"
#include "kubeconfig/in_cluster.h"

namespace pvcwatch::cli {

/// Where the command reads and writes: main passes the process's own.
struct Streams {
  std::istream& in;  // --from-file -
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;  // the summary's usage bar is drawn only on a terminal
};

/// What main decides that is not a flag.
struct RunSettings {
  WatchSettings watch;
  std::string service_account_dir = kubeconfig::kServiceAccountDir;  // in-cluster mode's
};

/// Runs the command. Returns the exit code for an outcome; throws for errors, which
/// main turns into kubectl-style text (see ErrorMessage).
int Run(const Options& options, const Streams& io, const RunSettings& settings = {});

}  // namespace pvcwatch::cli
