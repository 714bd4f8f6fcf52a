#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "pvc/basis.h"
#include "pvc/claim.h"
#include "quantity/quantity.h"
#include "watch/store.h"

namespace pvcwatch::pvc {

/// One change to what is counted.
struct Change {
  enum class Kind { kAdded, kResized, kRemoved };
  Kind kind;
  Claim claim;                       // as counted now (kRemoved: as it was counted)
  std::optional<Quantity> previous;  // kResized: the size before
  /// The object as the server sent it (after a relist, a removed claim's object is
  /// rebuilt from its name, namespace and UID).
  json::Value object;
};

/// The claims in scope keyed by UID and the exact sum of their sizes on one basis
/// (--count), in total, per namespace and per storage class. Fed by the reflector as a
/// watch::Store.
class Ledger : public watch::Store {
 public:
  using ChangeListener = std::function<void(const Change&)>;
  using WarningListener = std::function<void(const std::string&)>;
  /// Every change to a counted claim, whatever it changes (`before`/`after` null when it
  /// was not or is no longer counted): what the budgets follow.
  using ClaimObserver = std::function<void(const Claim* before, const Claim* after)>;

  Ledger(ChangeListener on_change, WarningListener on_warning, Basis basis = Basis::kRequests);

  /// ADDED inserts (or replaces a UID already known).
  void Add(const json::Value& object) override;
  /// MODIFIED applies the difference: a resize changes the total.
  void Update(const json::Value& object) override;
  /// DELETED removes what was counted for the UID, whatever size the object says now.
  void Delete(const json::Value& object) override;
  void BeginReplace() override;
  void ReplacePage(const std::vector<json::Value>& objects) override;
  /// Swaps in the listed claims and announces only the real differences.
  void EndReplace(const std::string& resource_version) override;

  /// Replaces the listeners (the watch installs its printers after the first list).
  void set_listeners(ChangeListener on_change, WarningListener on_warning) {
    on_change_ = std::move(on_change);
    on_warning_ = std::move(on_warning);
  }

  void set_observer(ClaimObserver observer) { observer_ = std::move(observer); }

  Basis basis() const { return basis_; }
  const Quantity& total() const { return total_; }
  const std::map<std::string, Quantity>& namespace_totals() const { return by_namespace_; }
  const std::map<std::string, Quantity>& class_totals() const { return by_class_; }
  size_t size() const { return claims_.size(); }
  /// True once the first list completed.
  bool synced() const { return synced_; }

 private:
  std::optional<Claim> View(const json::Value& object);
  void Count(const Claim& claim, int sign);
  void Put(Claim claim, const json::Value& object);
  void Insert(Claim claim);
  void Recount();
  /// Drops the places of deleted claims from order_ once they are half of it.
  void Compact();

  void Observe(const Claim* before, const Claim* after) const {
    if (observer_) observer_(before, after);
  }

  ChangeListener on_change_;
  WarningListener on_warning_;
  ClaimObserver observer_;
  Basis basis_;
  struct Counted {
    Claim claim;
    size_t position;  // its place in order_
  };
  std::unordered_map<std::string, Counted> claims_;
  // UIDs in list order, so a recount sums as listed; a deleted claim leaves an empty UID
  // (a counted claim always has one) until Compact, so a delete costs no linear erase.
  std::vector<std::string> order_;
  size_t holes_ = 0;  // empty places in order_
  Quantity total_;
  std::map<std::string, Quantity> by_namespace_;
  std::map<std::string, Quantity> by_class_;
  std::vector<Claim> pending_;                                    // the list being replaced in
  std::unordered_map<std::string, json::Value> pending_objects_;  // of new or resized claims
  bool synced_ = false;
};

}  // namespace pvcwatch::pvc
