#pragma once

#include <iosfwd>
#include <string>

#include "cli/options.h"
#include "pvc/ledger.h"
#include "pvc/threshold.h"
#include "watch/lister_watcher.h"

namespace pvcwatch::cli {

/// Watches from `resource_version` (the first list, already in `ledger` and printed)
/// until SIGINT/SIGTERM (returns 0) or a fatal error (throws). Announces every change,
/// each crossing of `threshold`, and runs --exec on crossings.
int RunWatch(const Options& options, watch::ListerWatcher& lister_watcher,
             const watch::Scope& scope, const std::string& resource_version, pvc::Ledger& ledger,
             pvc::Threshold& threshold, std::ostream& out, std::ostream& err);

}  // namespace pvcwatch::cli
