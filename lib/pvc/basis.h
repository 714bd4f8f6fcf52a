#pragma once

#include <optional>
#include <string_view>

#include "pvc/claim.h"
#include "quantity/quantity.h"

namespace pvcwatch::pvc {

/// What a claim counts for in the totals (--count): what it requests (the default, the
/// original pvcwatch's meaning), what ResourceQuota charges it (QuotaStorage), or what its
/// volume provides (status.capacity, nothing until bound).
enum class Basis { kRequests, kQuota, kCapacity };

/// The claim's size on the basis; nullopt when the basis has nothing for it.
std::optional<Quantity> SizeOn(const Claim& claim, Basis basis);

/// "requests", "quota", "capacity": the flag's values, and how output names the basis.
std::string_view BasisName(Basis basis);
/// The basis a name stands for; nullopt for any other text.
std::optional<Basis> ParseBasis(std::string_view name);

}  // namespace pvcwatch::pvc
