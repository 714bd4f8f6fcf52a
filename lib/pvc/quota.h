#pragma once

#include <optional>
#include <string>
#include <vector>

#include "json/value.h"
#include "pvc/claim.h"
#include "quantity/quantity.h"

namespace pvcwatch::pvc {

// ResourceQuota as it concerns claims, by the rules of Kubernetes v1.37:
// pkg/quota/v1/evaluator/core/persistent_volume_claims.go (what a claim is charged, which
// keys are claims', the VolumeAttributesClass scope) and
// staging/src/k8s.io/apiserver/pkg/quota/v1/generic/evaluator.go (Matches: every scope of
// a quota must select the object).

/// A quota key that charges claims: the claim count or the storage they take, in total or
/// for one StorageClass ("gold.storageclass.storage.k8s.io/requests.storage").
struct ClaimResource {
  enum class Kind { kStorage, kCount };
  Kind kind = Kind::kStorage;
  std::string storage_class;  // "" for every class
};

/// The ClaimResource a quota key names, nullopt for the keys of other objects. The count
/// is "persistentvolumeclaims" or "count/persistentvolumeclaims".
std::optional<ClaimResource> ParseClaimResource(const std::string& key);

/// What the quota charges a claim for `resource`: the storage the evaluator counts
/// (QuotaStorage), or 1 for a count, when the claim is of the resource's class; else 0.
Quantity QuotaUsage(const Claim& claim, const ClaimResource& resource);

/// The evaluator's storage charge: the larger of spec.resources.requests.storage and
/// status.allocatedResources.storage (RecoverVolumeExpansionFailure, locked on since
/// v1.34), rounded up to whole bytes; nullopt without a request.
std::optional<Quantity> QuotaStorage(const Claim& claim);

/// One scope selector of a quota: spec.scopes (as Exists) and spec.scopeSelector.
struct QuotaScope {
  std::string scope_name;
  std::string op;  // In, NotIn, Exists, DoesNotExist
  std::vector<std::string> values;
};

/// One hard limit of a quota on claims.
struct QuotaLimit {
  std::string key;  // as the quota spells it
  ClaimResource resource;
  Quantity hard;
};

/// The part of a ResourceQuota that budgets claims.
struct ClaimQuota {
  std::string uid;
  std::string namespace_name;
  std::string name;
  std::vector<QuotaLimit> limits;  // spec.hard's claim keys, in key order
  std::vector<QuotaScope> scopes;
};

/// The claim view of a ResourceQuota object. spec.hard is what the administrator set;
/// the quota controller copies it to status.hard (what admission enforces) within a
/// moment. A value that is not a quantity is left out (the API server validates them).
ClaimQuota ClaimQuotaFromObject(const json::Value& object);

/// Matches: true when every scope of the quota selects the claim. Only the
/// VolumeAttributesClass scope selects claims; any other scope (Terminating, BestEffort,
/// PriorityClass, ...) selects none.
bool QuotaSelects(const ClaimQuota& quota, const Claim& claim);

}  // namespace pvcwatch::pvc
