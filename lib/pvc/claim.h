#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "json/value.h"
#include "quantity/quantity.h"

namespace pvcwatch::pvc {

/// An object that is not a usable claim (wrong kind, no name, a malformed storage
/// request); the message names the object and what was wrong.
class ClaimError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The part of a PersistentVolumeClaim that pvcwatch counts and prints.
struct Claim {
  std::string uid;
  std::string namespace_name;
  std::string name;
  std::string phase;
  std::string storage_class;
  /// spec.resources.requests.storage (always present on a counted claim).
  std::optional<Quantity> request;
  /// status.allocatedResources.storage: what a resize under way has allocated.
  std::optional<Quantity> allocated;
  /// status.capacity.storage: what the bound volume provides.
  std::optional<Quantity> capacity;
  /// The VolumeAttributesClasses the claim refers to (spec, status, and a modification's
  /// target), sorted, without repeats or empty names: what quota scopes select on.
  std::vector<std::string> attributes_classes;
  /// What the ledger counts for the claim, on its basis (see pvc/basis.h); unset when
  /// the basis has nothing yet (no capacity before the claim is bound).
  std::optional<Quantity> size;
};

/// The claim view of a PersistentVolumeClaim object. Throws ClaimError.
Claim ClaimFromObject(const json::Value& object);

/// A claim's StorageClass as kubectl shows it: the beta annotation, else the field.
std::string StorageClassOf(const json::Value& object);

/// "namespace/name", or "name" when the namespace is empty; for messages.
std::string QualifiedName(const Claim& claim);

}  // namespace pvcwatch::pvc
