#include "pvc/budgets.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace pvcwatch::pvc {
namespace {

const QuotaLimit* FindLimit(const std::vector<Budget>& budgets, const std::string& key) {
  for (const Budget& budget : budgets) {
    if (budget.limit.key == key) return &budget.limit;
  }
  return nullptr;
}

}  // namespace

Quantity Budgets::UsedBy(const ClaimQuota& quota, const QuotaLimit& limit) const {
  Quantity used;
  const auto claims = claims_.find(quota.namespace_name);
  if (claims == claims_.end()) return used;
  for (const auto& [uid, claim] : claims->second) {
    if (QuotaSelects(quota, claim)) used.Add(QuotaUsage(claim, limit.resource));
  }
  return used;
}

void Budgets::Put(ClaimQuota quota) {
  const std::string uid = quota.uid;
  Entry entry;
  auto old = quotas_.find(uid);
  std::vector<std::optional<Quantity>> previous;  // each budget's limit before, if it had one
  for (const QuotaLimit& limit : quota.limits) {
    Budget budget{quota.namespace_name,
                  quota.name,
                  limit,
                  UsedBy(quota, limit),
                  Threshold(limit.hard, warn_percent_),
                  quota.uid};
    std::optional<Quantity> before;
    if (old != quotas_.end()) {
      // The same budget with a new limit keeps its state: a crossing stays edge-triggered
      // across quota edits.
      for (const Budget& was : old->second.budgets) {
        if (was.limit.key != limit.key) continue;
        budget.threshold = was.threshold;
        budget.threshold.set_max(limit.hard);
        before = was.limit.hard;
      }
    }
    previous.push_back(std::move(before));
    entry.budgets.push_back(std::move(budget));
  }
  if (old != quotas_.end()) {
    for (const Budget& before : old->second.budgets) {
      if (FindLimit(entry.budgets, before.limit.key) == nullptr && started_) {
        Announce(BudgetEvent{BudgetEvent::Kind::kRemoved, before, std::nullopt});
      }
    }
  } else {
    by_namespace_[quota.namespace_name].push_back(uid);
  }
  entry.quota = std::move(quota);
  Entry& stored = quotas_[uid] = std::move(entry);
  if (!started_) return;
  for (size_t i = 0; i < stored.budgets.size(); ++i) {
    const Budget& budget = stored.budgets[i];
    if (!previous[i] || previous[i]->Cmp(budget.limit.hard) != 0) {
      Announce(BudgetEvent{BudgetEvent::Kind::kLimit, budget, previous[i]});
    }
    dirty_.emplace_back(uid, budget.limit.key);
  }
}

void Budgets::Remove(const std::string& uid) {
  auto it = quotas_.find(uid);
  if (it == quotas_.end()) return;
  if (started_) {
    for (const Budget& budget : it->second.budgets) {
      Announce(BudgetEvent{BudgetEvent::Kind::kRemoved, budget, std::nullopt});
    }
  }
  std::vector<std::string>& uids = by_namespace_[it->second.quota.namespace_name];
  std::erase(uids, uid);
  if (uids.empty()) by_namespace_.erase(it->second.quota.namespace_name);
  quotas_.erase(it);
}

void Budgets::Delete(const json::Value& object) {
  Remove(std::string(object["metadata"]["uid"].AsString()));
}

void Budgets::ReplacePage(const std::vector<json::Value>& objects) {
  for (const json::Value& object : objects) pending_.push_back(ClaimQuotaFromObject(object));
}

void Budgets::EndReplace(const std::string&) {
  std::set<std::string> listed;
  for (const ClaimQuota& quota : pending_) listed.insert(quota.uid);
  std::vector<std::string> gone;
  for (const auto& [uid, entry] : quotas_) {
    if (listed.count(uid) == 0) gone.push_back(uid);
  }
  for (const std::string& uid : gone) Remove(uid);
  for (ClaimQuota& quota : pending_) Put(std::move(quota));
  pending_.clear();
}

void Budgets::ClaimChanged(const Claim* before, const Claim* after) {
  const Claim& some = after != nullptr ? *after : *before;
  const std::string& namespace_name = some.namespace_name;
  auto uids = by_namespace_.find(namespace_name);
  if (uids != by_namespace_.end()) {
    for (const std::string& uid : uids->second) {
      Entry& entry = quotas_.at(uid);
      const bool was = before != nullptr && QuotaSelects(entry.quota, *before);
      const bool is = after != nullptr && QuotaSelects(entry.quota, *after);
      for (Budget& budget : entry.budgets) {
        Quantity used = budget.used;
        if (was) used.Sub(QuotaUsage(*before, budget.limit.resource));
        if (is) used.Add(QuotaUsage(*after, budget.limit.resource));
        if (used.Cmp(budget.used) == 0) continue;
        budget.used = std::move(used);
        if (started_) dirty_.emplace_back(uid, budget.limit.key);
      }
    }
  }
  auto& claims = claims_[namespace_name];
  if (after != nullptr) {
    claims.insert_or_assign(after->uid, *after);
  } else {
    claims.erase(before->uid);
    if (claims.empty()) claims_.erase(namespace_name);
  }
}

void Budgets::Start(Listener listener) {
  listener_ = std::move(listener);
  started_ = true;
  for (const auto& [uid, entry] : quotas_) {
    for (const Budget& budget : entry.budgets) dirty_.emplace_back(uid, budget.limit.key);
  }
}

void Budgets::Settle() {
  std::vector<std::pair<std::string, std::string>> dirty = std::move(dirty_);
  dirty_.clear();
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& [uid, key] : dirty) {
    if (!seen.insert({uid, key}).second) continue;
    auto entry = quotas_.find(uid);
    if (entry == quotas_.end()) continue;
    for (Budget& budget : entry->second.budgets) {
      if (budget.limit.key != key) continue;
      const Threshold::Crossing crossing = budget.threshold.Update(budget.used);
      if (crossing != Threshold::Crossing::kNone) {
        Announce(BudgetEvent{BudgetEvent::Kind::kCrossing, budget, std::nullopt, crossing});
      }
    }
  }
}

std::vector<const Budget*> Budgets::List() const {
  std::vector<const Budget*> list;
  for (const auto& [uid, entry] : quotas_) {
    for (const Budget& budget : entry.budgets) list.push_back(&budget);
  }
  std::sort(list.begin(), list.end(), [](const Budget* a, const Budget* b) {
    return std::tie(a->namespace_name, a->quota_name, a->limit.key) <
           std::tie(b->namespace_name, b->quota_name, b->limit.key);
  });
  return list;
}

bool Budgets::empty() const {
  for (const auto& [uid, entry] : quotas_) {
    if (!entry.budgets.empty()) return false;
  }
  return true;
}

bool Budgets::AnyOver() const {
  for (const auto& [uid, entry] : quotas_) {
    for (const Budget& budget : entry.budgets) {
      if (IsOver(budget.used, budget.limit.hard)) return true;
    }
  }
  return false;
}

}  // namespace pvcwatch::pvc
