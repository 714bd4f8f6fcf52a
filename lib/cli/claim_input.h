#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "json/value.h"

namespace pvcwatch::cli {

/// Reads --from-file input ("-" is `in`): a claim, a List of them, or the output of
/// `kubectl get pvc -o json|yaml` (also -A), in JSON or YAML, one or more documents.
/// Returns the objects found; throws std::runtime_error naming the file and the place.
std::vector<json::Value> LoadClaimInput(const std::string& path, std::istream& in);

}  // namespace pvcwatch::cli
