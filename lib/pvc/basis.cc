#include "pvc/basis.h"

#include "pvc/quota.h"

namespace pvcwatch::pvc {

std::optional<Quantity> SizeOn(const Claim& claim, Basis basis) {
  switch (basis) {
    case Basis::kRequests: return claim.request;
    case Basis::kQuota: return QuotaStorage(claim);
    case Basis::kCapacity: return claim.capacity;
  }
  return std::nullopt;
}

std::string_view BasisName(Basis basis) {
  switch (basis) {
    case Basis::kRequests: return "requests";
    case Basis::kQuota: return "quota";
    case Basis::kCapacity: return "capacity";
  }
  return "";
}

std::optional<Basis> ParseBasis(std::string_view name) {
  for (Basis basis : {Basis::kRequests, Basis::kQuota, Basis::kCapacity}) {
    if (name == BasisName(basis)) return basis;
  }
  return std::nullopt;
}

}  // namespace pvcwatch::pvc
