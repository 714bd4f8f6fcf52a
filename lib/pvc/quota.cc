#include "pvc/quota.h"

#include <algorithm>

namespace pvcwatch::pvc {
namespace {

constexpr std::string_view kClassSuffix = ".storageclass.storage.k8s.io/";
constexpr std::string_view kAttributesClassScope = "VolumeAttributesClass";

bool Contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// The scope's label selector (ScopedResourceSelectorRequirementsAsSelector) applied to
// {VolumeAttributesClass: name} for each class the claim names, or to {} when it names
// none: one match suffices.
bool AttributesClassMatches(const QuotaScope& scope, const Claim& claim) {
  const std::vector<std::string>& names = claim.attributes_classes;
  if (scope.op == "Exists") return !names.empty();
  if (scope.op == "DoesNotExist") return names.empty();
  if (scope.op == "In") {
    return std::any_of(names.begin(), names.end(),
                       [&](const std::string& name) { return Contains(scope.values, name); });
  }
  if (scope.op == "NotIn") {
    return names.empty() || std::any_of(names.begin(), names.end(), [&](const std::string& name) {
             return !Contains(scope.values, name);
           });
  }
  return false;  // an operator the API server would not have accepted
}

std::optional<Quantity> ParseHard(const json::Value& value) {
  if (!value.IsString() && value.type() != json::Value::Type::kNumber) return std::nullopt;
  try {
    return Quantity::Parse(value.AsString());
  } catch (const QuantityError&) {
    return std::nullopt;
  }
}

}  // namespace

std::optional<ClaimResource> ParseClaimResource(const std::string& key) {
  const auto resource_kind = [](std::string_view name) -> std::optional<ClaimResource::Kind> {
    if (name == "requests.storage") return ClaimResource::Kind::kStorage;
    if (name == "persistentvolumeclaims") return ClaimResource::Kind::kCount;
    return std::nullopt;
  };
  if (key == "count/persistentvolumeclaims") return ClaimResource{ClaimResource::Kind::kCount, ""};
  const size_t suffix = key.find(kClassSuffix);
  if (suffix == std::string::npos) {
    if (auto kind = resource_kind(key)) return ClaimResource{*kind, ""};
    return std::nullopt;
  }
  // The evaluator takes any key ending in the suffix and a claim resource; a class name
  // cannot hold the suffix, so the first occurrence is the one.
  const auto kind = resource_kind(std::string_view(key).substr(suffix + kClassSuffix.size()));
  if (!kind || suffix == 0) return std::nullopt;
  return ClaimResource{*kind, key.substr(0, suffix)};
}

std::optional<Quantity> QuotaStorage(const Claim& claim) {
  if (!claim.request) return std::nullopt;
  Quantity charge = claim.request->RoundedUp();
  if (claim.allocated && claim.allocated->Cmp(charge) > 0) charge = claim.allocated->RoundedUp();
  return charge;
}

Quantity QuotaUsage(const Claim& claim, const ClaimResource& resource) {
  if (!resource.storage_class.empty() && resource.storage_class != claim.storage_class) {
    return Quantity();
  }
  static const Quantity kOne = Quantity::Parse("1");  // parsed once: this runs per claim event
  if (resource.kind == ClaimResource::Kind::kCount) return kOne;
  const std::optional<Quantity> storage = QuotaStorage(claim);
  return storage ? *storage : Quantity();
}

ClaimQuota ClaimQuotaFromObject(const json::Value& object) {
  ClaimQuota quota;
  const json::Value& metadata = object["metadata"];
  quota.uid = std::string(metadata["uid"].AsString());
  quota.namespace_name = std::string(metadata["namespace"].AsString());
  quota.name = std::string(metadata["name"].AsString());
  const json::Value& hard = object["spec"]["hard"];
  if (hard.IsObject()) {
    for (const auto& [key, value] : hard.members()) {
      const std::optional<ClaimResource> resource = ParseClaimResource(std::string(key));
      if (!resource) continue;
      if (std::optional<Quantity> limit = ParseHard(value)) {
        quota.limits.push_back(QuotaLimit{std::string(key), *resource, std::move(*limit)});
      }
    }
    std::sort(quota.limits.begin(), quota.limits.end(),
              [](const QuotaLimit& a, const QuotaLimit& b) { return a.key < b.key; });
  }
  for (const json::Value& scope : object["spec"]["scopes"].items()) {
    quota.scopes.push_back(QuotaScope{std::string(scope.AsString()), "Exists", {}});
  }
  for (const json::Value& expression :
       object["spec"]["scopeSelector"]["matchExpressions"].items()) {
    QuotaScope scope{std::string(expression["scopeName"].AsString()),
                     std::string(expression["operator"].AsString()),
                     {}};
    for (const json::Value& value : expression["values"].items()) {
      scope.values.emplace_back(value.AsString());
    }
    quota.scopes.push_back(std::move(scope));
  }
  return quota;
}

bool QuotaSelects(const ClaimQuota& quota, const Claim& claim) {
  return std::all_of(quota.scopes.begin(), quota.scopes.end(), [&](const QuotaScope& scope) {
    return scope.scope_name == kAttributesClassScope && AttributesClassMatches(scope, claim);
  });
}

}  // namespace pvcwatch::pvc
