#include "pvc/quota_limit.h"

namespace pvcwatch::pvc {

QuotaLimit::Entry QuotaLimit::EntryOf(const json::Value& object) {
  Entry entry;
  entry.name = std::string(object["metadata"]["name"].AsString());
  // spec.hard is what quota admission enforces; status.hard only mirrors it once the
  // quota controller has run.
  const json::Value* hard = object["spec"]["hard"].Find("requests.storage");
  if (hard != nullptr && !hard->IsNull()) {
    try {
      entry.hard = Quantity::Parse(hard->AsString());
    } catch (const QuantityError&) {
      // The API server validates quotas; an unparsable one cannot bind anything.
    }
  }
  return entry;
}

void QuotaLimit::Put(const json::Value& object) {
  quotas_[std::string(object["metadata"]["uid"].AsString())] = EntryOf(object);
  Recompute();
}

void QuotaLimit::Delete(const json::Value& object) {
  quotas_.erase(std::string(object["metadata"]["uid"].AsString()));
  Recompute();
}

void QuotaLimit::ReplacePage(const std::vector<json::Value>& objects) {
  for (const json::Value& object : objects) {
    pending_[std::string(object["metadata"]["uid"].AsString())] = EntryOf(object);
  }
}

void QuotaLimit::EndReplace(const std::string&) {
  quotas_ = std::move(pending_);
  pending_.clear();
  Recompute();
}

void QuotaLimit::Recompute() {
  std::optional<Quantity> limit;
  std::string source;
  for (const auto& [uid, entry] : quotas_) {
    if (!entry.hard) continue;
    if (!limit || entry.hard->Cmp(*limit) < 0) {
      limit = entry.hard;
      source = entry.name;
    }
  }
  bool changed = limit.has_value() != limit_.has_value() || (limit && limit->Cmp(*limit_) != 0) ||
                 source != source_;
  limit_ = std::move(limit);
  source_ = std::move(source);
  if (changed && on_change_) on_change_(limit_, source_);
}

}  // namespace pvcwatch::pvc
