#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "pvc/claim.h"
#include "pvc/quota.h"
#include "pvc/threshold.h"
#include "quantity/quantity.h"
#include "watch/store.h"

namespace pvcwatch::pvc {

/// One hard limit of one ResourceQuota with what the quota counts against it: the claims
/// of its namespace that its scopes select, charged as the evaluator charges them. Each
/// budget holds on its own, as admission checks every quota (so the smallest binds).
struct Budget {
  std::string namespace_name;
  std::string quota_name;
  QuotaLimit limit;
  Quantity used;
  Threshold threshold;
  std::string quota_uid;  // the object Events about the budget name
};

/// What changed in the budgets, for the watch to announce.
struct BudgetEvent {
  enum class Kind {
    kLimit,     // a budget appeared or its limit changed (`previous`: the limit before)
    kRemoved,   // its quota, or the quota's limit on the key, is gone
    kCrossing,  // `crossing` of the budget's threshold
  };
  Kind kind;
  const Budget& budget;
  std::optional<Quantity> previous;
  Threshold::Crossing crossing = Threshold::Crossing::kNone;
};

/// --max-claims quota: every ResourceQuota in scope (fed by a reflector, as a
/// watch::Store) turned into budgets, with usage kept exact from the claims the ledger
/// reports (ClaimChanged). Crossings are edge-triggered per budget, evaluated by Settle
/// once the watch has started (the starting state is announced then, as the fixed
/// limit's is).
class Budgets : public watch::Store {
 public:
  using Listener = std::function<void(const BudgetEvent&)>;

  explicit Budgets(std::optional<Quantity> warn_percent = std::nullopt)
      : warn_percent_(std::move(warn_percent)) {}

  void Add(const json::Value& object) override { Put(ClaimQuotaFromObject(object)); }
  void Update(const json::Value& object) override { Put(ClaimQuotaFromObject(object)); }
  void Delete(const json::Value& object) override;
  void BeginReplace() override { pending_.clear(); }
  void ReplacePage(const std::vector<json::Value>& objects) override;
  void EndReplace(const std::string& resource_version) override;

  /// A claim counted, changed or gone (`before`/`after` null when it was not or is no
  /// longer counted): the ledger's observer.
  void ClaimChanged(const Claim* before, const Claim* after);

  /// From now on, changes are announced to `listener` and Settle reports crossings.
  void Start(Listener listener);
  /// Reports the crossing of every budget whose usage or limit changed since the last call.
  void Settle();

  /// Every budget, by namespace, quota name and key.
  std::vector<const Budget*> List() const;
  /// True when no quota in scope limits claims.
  bool empty() const;
  /// True when a budget's usage is over its limit.
  bool AnyOver() const;

 private:
  struct Entry {
    ClaimQuota quota;
    std::vector<Budget> budgets;  // one per limit, in the quota's key order
  };
  void Put(ClaimQuota quota);
  void Remove(const std::string& uid);
  Quantity UsedBy(const ClaimQuota& quota, const QuotaLimit& limit) const;
  void Announce(const BudgetEvent& event) const {
    if (listener_) listener_(event);
  }

  std::optional<Quantity> warn_percent_;
  std::map<std::string, Entry> quotas_;                                   // by UID
  std::map<std::string, std::vector<std::string>> by_namespace_;          // quota UIDs
  std::map<std::string, std::unordered_map<std::string, Claim>> claims_;  // by namespace, UID
  std::vector<ClaimQuota> pending_;
  std::vector<std::pair<std::string, std::string>> dirty_;  // (quota UID, key)
  Listener listener_;
  bool started_ = false;
};

}  // namespace pvcwatch::pvc
