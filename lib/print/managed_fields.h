#pragma once

#include "json/value.h"

namespace pvcwatch::print {

/// Drops metadata.managedFields, as kubectl get -o json|yaml does unless
/// --show-managed-fields is given: server bookkeeping nobody reads in a listing.
void StripManagedFields(json::Value& object);

}  // namespace pvcwatch::print
