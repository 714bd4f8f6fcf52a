#pragma once

#include <optional>
#include <stdexcept>
#include <string>

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
};

/// The claim view of a PersistentVolumeClaim object. Throws ClaimError.
Claim ClaimFromObject(const json::Value& object);

/// A claim's StorageClass as kubectl shows it: the beta annotation, else the field.
std::string StorageClassOf(const json::Value& object);

/// "namespace/name", or "name" when the namespace is empty; for messages.
std::string QualifiedName(const Claim& claim);

}  // namespace pvcwatch::pvc
