#include "pvc/ledger.h"

namespace pvcwatch::pvc {
namespace {

bool SameSize(const std::optional<Quantity>& a, const std::optional<Quantity>& b) {
  if (!a || !b) return a.has_value() == b.has_value();
  return a->Cmp(*b) == 0;
}

void AddTo(Quantity& total, const Quantity& q, int sign) {
  if (sign > 0) {
    total.Add(q);
  } else {
    total.Sub(q);
  }
}

}  // namespace

Ledger::Ledger(ChangeListener on_change, WarningListener on_warning, Basis basis)
    : on_change_(std::move(on_change)), on_warning_(std::move(on_warning)), basis_(basis) {}

std::optional<Claim> Ledger::View(const json::Value& object) {
  try {
    Claim claim = ClaimFromObject(object);
    claim.size = SizeOn(claim, basis_);
    return claim;
  } catch (const ClaimError& e) {
    // Stated rule: an object we cannot count is reported and left out, never guessed.
    if (on_warning_) on_warning_(std::string("skipping ") + e.what());
    return std::nullopt;
  }
}

void Ledger::Count(const Claim& claim, int sign) {
  // A claim without a size on the basis (not yet bound, for capacity) still has its
  // namespace and class listed, at zero.
  Quantity& in_namespace = by_namespace_[claim.namespace_name];
  Quantity& in_class = by_class_[claim.storage_class];
  if (!claim.size) return;
  AddTo(total_, *claim.size, sign);
  AddTo(in_namespace, *claim.size, sign);
  AddTo(in_class, *claim.size, sign);
}

void Ledger::Put(Claim claim, const json::Value& object) {
  auto it = claims_.find(claim.uid);
  if (it == claims_.end()) {
    Count(claim, +1);
    order_.push_back(claim.uid);
    Change change{Change::Kind::kAdded, claim, std::nullopt, object};
    std::string uid = claim.uid;
    const Claim& stored =
        claims_.emplace(std::move(uid), Counted{std::move(claim), order_.size() - 1})
            .first->second.claim;
    Observe(nullptr, &stored);
    if (on_change_) on_change_(change);
    return;
  }
  Claim& counted = it->second.claim;
  bool resized = !SameSize(counted.size, claim.size);
  std::optional<Quantity> previous = counted.size;
  Count(counted, -1);
  Count(claim, +1);
  Observe(&counted, &claim);
  counted = std::move(claim);
  if (resized && on_change_) {
    on_change_(Change{Change::Kind::kResized, counted, previous, object});
  }
}

void Ledger::Add(const json::Value& object) {
  if (auto claim = View(object)) Put(std::move(*claim), object);
}

void Ledger::Update(const json::Value& object) {
  // An update for a UID we never saw (it entered a label selector) counts as an add.
  if (auto claim = View(object)) Put(std::move(*claim), object);
}

void Ledger::Delete(const json::Value& object) {
  std::string uid(object["metadata"]["uid"].AsString());
  if (uid.empty()) {
    if (auto claim = View(object)) uid = claim->uid;
  }
  auto it = claims_.find(uid);
  if (it == claims_.end()) return;
  Claim removed = std::move(it->second.claim);
  order_[it->second.position].clear();
  ++holes_;
  claims_.erase(it);
  Compact();
  Count(removed, -1);
  Observe(&removed, nullptr);
  if (on_change_) {
    on_change_(Change{Change::Kind::kRemoved, std::move(removed), std::nullopt, object});
  }
}

void Ledger::BeginReplace() {
  pending_.clear();
  pending_objects_.clear();
  if (!synced_) {  // the first list goes straight in: there is nothing to compare it with
    claims_.clear();
    order_.clear();
    holes_ = 0;
  }
}

// A UID listed twice (a broken server, or a hand-made --from-file input) is counted once,
// as its last entry, in the place of its first. Counts nothing: EndReplace recounts.
void Ledger::Insert(Claim claim) {
  auto [it, inserted] = claims_.try_emplace(claim.uid, Counted{Claim{}, order_.size()});
  if (inserted) order_.push_back(claim.uid);
  it->second.claim = std::move(claim);
}

void Ledger::ReplacePage(const std::vector<json::Value>& objects) {
  for (const json::Value& object : objects) {
    auto claim = View(object);
    if (!claim) continue;
    if (!synced_) {
      Insert(std::move(*claim));
      continue;
    }
    // Keep the JSON only of what a relist will announce, not of the whole cluster.
    auto counted = claims_.find(claim->uid);
    if (counted == claims_.end() || !SameSize(counted->second.claim.size, claim->size)) {
      pending_objects_[claim->uid] = object;
    }
    pending_.push_back(std::move(*claim));
  }
}

void Ledger::EndReplace(const std::string&) {
  std::unordered_map<std::string, Counted> old;
  if (synced_) {
    old = std::move(claims_);
    claims_.clear();
    order_.clear();
    holes_ = 0;
    for (Claim& claim : pending_) Insert(std::move(claim));
    std::vector<Claim>().swap(pending_);  // a list's worth of claims: not kept between lists
  }
  // The changes announced are those of what ends up counted.
  // The first list is the starting state, printed as a table, not as changes.
  const bool announce = synced_ && on_change_;
  synced_ = true;
  auto object_of = [this](const std::string& uid) {
    auto it = pending_objects_.find(uid);
    return it == pending_objects_.end() ? json::Value() : std::move(it->second);
  };
  std::vector<Change> changes;
  for (const std::string& uid : order_) {
    const Claim& claim = claims_.at(uid).claim;
    auto before = old.find(uid);
    const Claim* was = before == old.end() ? nullptr : &before->second.claim;
    Observe(was, &claim);
    if (!announce) continue;
    if (!was) {
      changes.push_back(Change{Change::Kind::kAdded, claim, std::nullopt, object_of(uid)});
    } else if (!SameSize(was->size, claim.size)) {
      changes.push_back(Change{Change::Kind::kResized, claim, was->size, object_of(uid)});
    }
  }
  pending_objects_.clear();
  for (auto& [uid, counted] : old) {
    if (claims_.count(uid) == 0) {
      Claim& claim = counted.claim;
      Observe(&claim, nullptr);
      if (!announce) continue;
      json::Value metadata;
      metadata.Set("name", json::Value::String(claim.name));
      metadata.Set("namespace", json::Value::String(claim.namespace_name));
      metadata.Set("uid", json::Value::String(claim.uid));
      json::Value object;
      object.Set("apiVersion", json::Value::String("v1"));
      object.Set("kind", json::Value::String("PersistentVolumeClaim"));
      object.Set("metadata", std::move(metadata));
      changes.push_back(
          Change{Change::Kind::kRemoved, std::move(claim), std::nullopt, std::move(object)});
    }
  }
  Recount();
  for (const Change& change : changes) on_change_(change);
}

void Ledger::Recount() {
  // After a list the totals are summed from zero in list order, like the --once summary.
  total_ = Quantity();
  by_namespace_.clear();
  by_class_.clear();
  for (const std::string& uid : order_) {
    if (!uid.empty()) Count(claims_.at(uid).claim, +1);
  }
}

void Ledger::Compact() {
  // Amortized: each compaction is paid for by the deletes that made half of order_ holes.
  if (holes_ < 64 || holes_ * 2 < order_.size()) return;
  size_t kept = 0;
  for (std::string& uid : order_) {
    if (uid.empty()) continue;
    claims_.at(uid).position = kept;
    if (&order_[kept] != &uid) order_[kept] = std::move(uid);
    ++kept;
  }
  order_.resize(kept);
  holes_ = 0;
}

}  // namespace pvcwatch::pvc
