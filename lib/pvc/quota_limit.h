#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "quantity/quantity.h"
#include "watch/store.h"

namespace pvcwatch::pvc {

/// --max-claims quota: the namespace's ResourceQuotas, fed by a reflector, reduced to
/// the limit that binds, the smallest `requests.storage` in their spec.hard.
class QuotaLimit : public watch::Store {
 public:
  /// Called when the binding limit changes (nullopt: no quota sets one any more);
  /// `source` names the quota it comes from.
  using Listener =
      std::function<void(const std::optional<Quantity>& limit, const std::string& source)>;

  explicit QuotaLimit(Listener on_change = nullptr) : on_change_(std::move(on_change)) {}
  void set_listener(Listener on_change) { on_change_ = std::move(on_change); }

  void Add(const json::Value& object) override { Put(object); }
  void Update(const json::Value& object) override { Put(object); }
  void Delete(const json::Value& object) override;
  void BeginReplace() override { pending_.clear(); }
  void ReplacePage(const std::vector<json::Value>& objects) override;
  void EndReplace(const std::string& resource_version) override;

  const std::optional<Quantity>& limit() const { return limit_; }
  /// The quota the limit comes from, "" when there is none.
  const std::string& source() const { return source_; }

 private:
  struct Entry {
    std::string name;
    std::optional<Quantity> hard;
  };
  static Entry EntryOf(const json::Value& object);
  void Put(const json::Value& object);
  void Recompute();

  Listener on_change_;
  std::map<std::string, Entry> quotas_;  // by UID
  std::map<std::string, Entry> pending_;
  std::optional<Quantity> limit_;
  std::string source_;
};

}  // namespace pvcwatch::pvc
