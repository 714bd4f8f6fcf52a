#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "metrics/exposition.h"
#include "pvc/budgets.h"
#include "pvc/ledger.h"
#include "quantity/quantity.h"

namespace pvcwatch::metrics {

/// What the watch counts about itself, kept under the watch's lock.
struct WatchCounters {
  std::map<std::string, uint64_t> crossings;  // by "overage", "warning", "normal"
  uint64_t lists = 0;                         // claim lists (the first, then relists after 410)
  uint64_t retries = 0;                       // failures the watch recovered from (reconnects)
  uint64_t actions_started = 0;
  uint64_t actions_failed = 0;  // failed, timed out, not started or skipped
  /// Each --webhook's deliveries, read when scraped.
  struct Webhook {
    std::string url;  // scheme://host:port only: the rest may be a secret
    uint64_t sent = 0, failed = 0, dropped = 0, queued = 0;
  };
  std::vector<Webhook> webhooks;
  uint64_t suppressed = 0;  // crossings --cooldown held back and never sent
  /// --record-events: Events written (created or counted up), and those dropped.
  struct Events {
    uint64_t recorded = 0, failed = 0;
  };
  std::optional<Events> events;
  double last_event_seconds = 0;  // steady-clock seconds of the last event or watch start
  bool synced = false;
};

/// Everything /metrics serves, in kube-state-metrics' style (base units, `namespace` and
/// `storageclass` labels, `_total` counters), from the ledger, the fixed limit (null
/// without one), the budgets (null without --max-claims quota) and the counters;
/// `now_seconds` on the counters' clock.
std::vector<Family> ClaimFamilies(const pvc::Ledger& ledger, const Quantity* max,
                                  const pvc::Budgets* budgets, const WatchCounters& counters,
                                  double now_seconds);

}  // namespace pvcwatch::metrics
