#include "pvc/claim.h"

#include <algorithm>

namespace pvcwatch::pvc {
namespace {

// A storage quantity of the status: absent is nullopt, malformed is the claim's error (the
// server validates them; a client-go decode would fail on the whole object).
std::optional<Quantity> StatusStorage(const json::Value& object, const char* field,
                                      const Claim& claim) {
  const json::Value* storage = object["status"][field].Find("storage");
  if (storage == nullptr || storage->IsNull()) return std::nullopt;
  try {
    if (storage->IsString() || storage->type() == json::Value::Type::kNumber) {
      return Quantity::Parse(storage->AsString());
    }
  } catch (const QuantityError&) {
  }
  throw ClaimError("PersistentVolumeClaim " + QualifiedName(claim) + ": status." + field +
                   ".storage is not a quantity");
}

std::vector<std::string> AttributesClasses(const json::Value& object) {
  std::vector<std::string> names;
  for (const json::Value* name :
       {&object["spec"]["volumeAttributesClassName"],
        &object["status"]["currentVolumeAttributesClassName"],
        &object["status"]["modifyVolumeStatus"]["targetVolumeAttributesClassName"]}) {
    if (name->IsString() && !name->AsString().empty()) names.emplace_back(name->AsString());
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace

std::string StorageClassOf(const json::Value& object) {
  // kubectl's rule (GetPersistentVolumeClaimClass): the beta annotation wins over the
  // field, even when empty.
  if (const json::Value* annotated =
          object["metadata"]["annotations"].Find("volume.beta.kubernetes.io/storage-class")) {
    return std::string(annotated->AsString());
  }
  return std::string(object["spec"]["storageClassName"].AsString());
}

std::string QualifiedName(const Claim& claim) {
  return claim.namespace_name.empty() ? claim.name : claim.namespace_name + "/" + claim.name;
}

Claim ClaimFromObject(const json::Value& object) {
  const json::Value& metadata = object["metadata"];
  Claim claim;
  claim.name = std::string(metadata["name"].AsString());
  claim.namespace_name = std::string(metadata["namespace"].AsString());
  claim.uid = std::string(metadata["uid"].AsString());
  std::string kind(object["kind"].AsString());
  // Items of a List from the server carry no kind; a kind, if present, must be ours.
  if (!object.IsObject() || (!kind.empty() && kind != "PersistentVolumeClaim")) {
    throw ClaimError("object " + (claim.name.empty() ? std::string("without a name") : claim.name) +
                     " is a " + (kind.empty() ? "non-object" : kind) +
                     ", not a PersistentVolumeClaim");
  }
  if (claim.name.empty()) throw ClaimError("PersistentVolumeClaim without metadata.name");
  if (claim.uid.empty()) claim.uid = QualifiedName(claim);  // offline input may omit it
  claim.phase = std::string(object["status"]["phase"].AsString());
  claim.storage_class = StorageClassOf(object);
  const json::Value* storage = object["spec"]["resources"]["requests"].Find("storage");
  // The API server requires a storage request on every claim; one without it comes from
  // a broken server or a hand-made file, and counting it as 0 would hide that.
  if (storage == nullptr || storage->IsNull()) {
    throw ClaimError("PersistentVolumeClaim " + QualifiedName(claim) +
                     ": spec.resources.requests.storage is missing");
  }
  // Quantity's UnmarshalJSON also takes a bare number.
  if (!storage->IsString() && storage->type() != json::Value::Type::kNumber) {
    throw ClaimError("PersistentVolumeClaim " + QualifiedName(claim) +
                     ": spec.resources.requests.storage is not a quantity");
  }
  try {
    claim.request = Quantity::Parse(storage->AsString());
  } catch (const QuantityError& e) {
    throw ClaimError("PersistentVolumeClaim " + QualifiedName(claim) +
                     ": spec.resources.requests.storage \"" + std::string(storage->AsString()) +
                     "\": " + e.what());
  }
  claim.allocated = StatusStorage(object, "allocatedResources", claim);
  claim.capacity = StatusStorage(object, "capacity", claim);
  claim.attributes_classes = AttributesClasses(object);
  claim.size = claim.request;
  return claim;
}

}  // namespace pvcwatch::pvc
