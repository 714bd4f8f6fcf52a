#include "metrics/claim_metrics.h"

#include "pvc/threshold.h"

namespace pvcwatch::metrics {
namespace {

std::string Value(const Quantity& quantity) {
  // Whole bytes and counts print exactly; a fraction (never seen on claims) as a double.
  const Quantity whole = quantity.RoundedUp();
  if (whole.Cmp(quantity) == 0) return std::to_string(quantity.Value());
  return FormatValue(quantity.Ratio(Quantity::Parse("1")));
}

std::string Value(uint64_t n) { return std::to_string(n); }

Family Gauge(std::string name, std::string help) {
  return Family{std::move(name), std::move(help), Family::Type::kGauge, {}};
}

Family Counter(std::string name, std::string help) {
  return Family{std::move(name), std::move(help), Family::Type::kCounter, {}};
}

}  // namespace

std::vector<Family> ClaimFamilies(const pvc::Ledger& ledger, const Quantity* max,
                                  const pvc::Budgets* budgets, const WatchCounters& counters,
                                  double now_seconds) {
  const std::string basis(pvc::BasisName(ledger.basis()));
  std::vector<Family> families;

  Family total = Gauge("pvcwatch_claimed_bytes", "Storage the claims in scope take, in bytes.");
  total.samples.push_back({{{"basis", basis}}, Value(ledger.total())});
  families.push_back(std::move(total));
  Family by_namespace = Gauge("pvcwatch_namespace_claimed_bytes",
                              "Storage the claims of a namespace take, in bytes.");
  for (const auto& [name, bytes] : ledger.namespace_totals()) {
    by_namespace.samples.push_back({{{"namespace", name}, {"basis", basis}}, Value(bytes)});
  }
  families.push_back(std::move(by_namespace));
  Family by_class = Gauge("pvcwatch_storageclass_claimed_bytes",
                          "Storage the claims of a StorageClass take, in bytes.");
  for (const auto& [name, bytes] : ledger.class_totals()) {
    by_class.samples.push_back({{{"storageclass", name}, {"basis", basis}}, Value(bytes)});
  }
  families.push_back(std::move(by_class));
  Family claims = Gauge("pvcwatch_claims", "Claims counted.");
  claims.samples.push_back({{}, Value(static_cast<uint64_t>(ledger.size()))});
  families.push_back(std::move(claims));

  if (max != nullptr) {
    Family limit = Gauge("pvcwatch_max_claims_bytes", "The limit on the claimed total, in bytes.");
    limit.samples.push_back({{}, Value(*max)});
    families.push_back(std::move(limit));
    Family over = Gauge("pvcwatch_over", "1 when the claimed total is over its limit.");
    over.samples.push_back({{}, pvc::IsOver(ledger.total(), *max) ? "1" : "0"});
    families.push_back(std::move(over));
  }
  if (budgets != nullptr) {
    Family limit = Gauge("pvcwatch_budget_limit",
                         "A ResourceQuota's hard limit on claims (bytes, or a count).");
    Family used = Gauge("pvcwatch_budget_used",
                        "What the quota counts against the limit (bytes, or a count).");
    Family over = Gauge("pvcwatch_budget_over", "1 when the budget is over its limit.");
    for (const pvc::Budget* budget : budgets->List()) {
      const Labels labels{{"namespace", budget->namespace_name},
                          {"resourcequota", budget->quota_name},
                          {"resource", budget->limit.key}};
      limit.samples.push_back({labels, Value(budget->limit.hard)});
      used.samples.push_back({labels, Value(budget->used)});
      over.samples.push_back({labels, pvc::IsOver(budget->used, budget->limit.hard) ? "1" : "0"});
    }
    families.push_back(std::move(limit));
    families.push_back(std::move(used));
    families.push_back(std::move(over));
  }

  Family crossings = Counter("pvcwatch_crossings", "Crossings announced, by type.");
  for (const char* type : {"overage", "warning", "normal"}) {
    const auto it = counters.crossings.find(type);
    crossings.samples.push_back(
        {{{"type", type}}, Value(it == counters.crossings.end() ? 0 : it->second)});
  }
  families.push_back(std::move(crossings));
  Family lists = Counter("pvcwatch_lists", "Lists of the claims: the first, then relists.");
  lists.samples.push_back({{}, Value(counters.lists)});
  families.push_back(std::move(lists));
  Family retries =
      Counter("pvcwatch_watch_retries", "Watch failures recovered from by reconnecting.");
  retries.samples.push_back({{}, Value(counters.retries)});
  families.push_back(std::move(retries));
  Family since = Gauge("pvcwatch_seconds_since_last_event",
                       "Seconds since the last watch event or watch (re)start.");
  since.samples.push_back({{}, FormatValue(now_seconds - counters.last_event_seconds)});
  families.push_back(std::move(since));
  Family synced = Gauge("pvcwatch_synced", "1 once the first list is done and the watch runs.");
  synced.samples.push_back({{}, counters.synced ? "1" : "0"});
  families.push_back(std::move(synced));
  Family started = Counter("pvcwatch_actions_started", "--exec actions started.");
  started.samples.push_back({{}, Value(counters.actions_started)});
  families.push_back(std::move(started));
  Family failed = Counter("pvcwatch_actions_failed",
                          "--exec actions that failed, timed out, could not start or were "
                          "skipped.");
  failed.samples.push_back({{}, Value(counters.actions_failed)});
  families.push_back(std::move(failed));
  Family suppressed =
      Counter("pvcwatch_cooldown_suppressed", "Crossings --cooldown held back and never sent.");
  suppressed.samples.push_back({{}, Value(counters.suppressed)});
  families.push_back(std::move(suppressed));
  if (!counters.webhooks.empty()) {
    Family sent = Counter("pvcwatch_webhook_sent", "Crossings a --webhook receiver took (2xx).");
    Family requests_failed =
        Counter("pvcwatch_webhook_failed", "--webhook requests that failed (no answer, non-2xx).");
    Family dropped = Counter("pvcwatch_webhook_dropped",
                             "Crossings given up: attempts spent, queue full, or the end.");
    Family queued = Gauge("pvcwatch_webhook_queued", "Crossings waiting to be sent.");
    for (std::size_t i = 0; i < counters.webhooks.size(); ++i) {
      const WatchCounters::Webhook& webhook = counters.webhooks[i];
      // Numbered as on the command line: two webhooks may share a host.
      const Labels labels{{"webhook", std::to_string(i + 1)}, {"url", webhook.url}};
      sent.samples.push_back({labels, Value(webhook.sent)});
      requests_failed.samples.push_back({labels, Value(webhook.failed)});
      dropped.samples.push_back({labels, Value(webhook.dropped)});
      queued.samples.push_back({labels, Value(webhook.queued)});
    }
    for (Family* family : {&sent, &requests_failed, &dropped, &queued}) {
      families.push_back(std::move(*family));
    }
  }
  if (counters.events) {
    Family recorded = Counter("pvcwatch_events_recorded",
                              "--record-events Events written (created, or counted up).");
    recorded.samples.push_back({{}, Value(counters.events->recorded)});
    families.push_back(std::move(recorded));
    Family events_failed = Counter("pvcwatch_events_failed",
                                   "--record-events Events dropped: refused, spam, queue full.");
    events_failed.samples.push_back({{}, Value(counters.events->failed)});
    families.push_back(std::move(events_failed));
  }
  return families;
}

}  // namespace pvcwatch::metrics
