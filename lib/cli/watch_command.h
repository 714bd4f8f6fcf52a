#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "cli/options.h"
#include "clock/clock.h"
#include "print/event_printer.h"
#include "pvc/action.h"
#include "pvc/budgets.h"
#include "pvc/ledger.h"
#include "pvc/threshold.h"
#include "rest/rest_client.h"
#include "watch/lister_watcher.h"

namespace pvcwatch::cli {

/// With --max-claims quota: the quotas in scope, listed at `resource_version` into
/// `budgets`, which the watch follows.
struct QuotaSource {
  watch::ListerWatcher& lister_watcher;
  pvc::Budgets& budgets;
  std::string resource_version;
};

/// What the watch works on, all owned by the caller: the seam to the API, the state of
/// the first list (already in `ledger` and printed) and the clock pacing the reflectors.
struct WatchInputs {
  watch::ListerWatcher& lister_watcher;
  watch::Scope scope;
  std::string resource_version;
  pvc::Ledger& ledger;
  pvc::Threshold* threshold = nullptr;  // with a fixed --max-claims
  QuotaSource* quota = nullptr;         // with --max-claims quota
  clock::Clock& clock;
  rest::RestClient* events = nullptr;  // with --record-events: where Events are written
};

/// Settings that are not flags.
struct WatchSettings {
  int server_timeout_seconds = 0;  // 0: client-go's random 5-10 minutes (tests shorten it)
  pvc::ActionLimits action_limits;
  std::function<std::string()> timestamp;  // the text lines' prefix; empty: the local time
};

/// Watches until SIGINT/SIGTERM (returns 0) or a fatal error (printed, returns 1).
/// Announces every change, each crossing of the threshold or of a quota's budget, and
/// runs --exec on crossings.
/// The end is cooperative: the clock stops, reads and connects under way are cancelled,
/// actions are ended, and every thread is joined before it returns.
/// `printer` reports what the watch sees (the caller picks it from the output flags).
int RunWatch(const Options& options, const WatchInputs& inputs, const WatchSettings& settings,
             std::unique_ptr<print::EventPrinter> printer, std::ostream& out, std::ostream& err);

}  // namespace pvcwatch::cli
