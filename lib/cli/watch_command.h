#pragma once

#include <iosfwd>
#include <string>

#include "cli/options.h"
#include "clock/clock.h"
#include "pvc/ledger.h"
#include "pvc/quota_limit.h"
#include "pvc/threshold.h"
#include "watch/lister_watcher.h"

namespace pvcwatch::cli {

/// Blocks SIGINT, SIGTERM and SIGUSR1 in this thread (and the threads it starts), so the
/// watch takes them with sigwait. Call before anything tells the user the watch began.
void BlockWatchSignals();

/// With --max-claims quota: the namespace's quotas, listed at `resource_version`, whose
/// limit the watch follows.
struct QuotaSource {
  watch::ListerWatcher& lister_watcher;
  pvc::QuotaLimit& limit;
  std::string resource_version;
};

/// Watches from `resource_version` (the first list, already in `ledger` and printed)
/// until SIGINT/SIGTERM (returns 0) or a fatal error (printed, returns 1). Announces every
/// change, each crossing of `threshold`, and runs --exec on crossings. `clock` paces the
/// reflectors and is stopped when the watch ends; its threads are joined before it
/// returns (only a thread still connecting after the grace ends the process instead).
int RunWatch(const Options& options, watch::ListerWatcher& lister_watcher,
             const watch::Scope& scope, const std::string& resource_version, pvc::Ledger& ledger,
             pvc::Threshold& threshold, QuotaSource* quota, clock::Clock& clock,
             std::ostream& out, std::ostream& err);

}  // namespace pvcwatch::cli
