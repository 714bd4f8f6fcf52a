#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "json/value.h"

namespace pvcwatch::cli {

/// Reads --from-file input ("-" is `in`): a claim, a List of them, or the output of
/// `kubectl get pvc -o json|yaml` (also -A), in JSON or YAML, one or more documents.
/// Returns the objects found; throws std::runtime_error naming the file and the place.
std::vector<json::Value> LoadClaimInput(const std::string& path, std::istream& in);

/// The parsing half of LoadClaimInput: `text` as read from the input called `name` in
/// messages. Throws std::runtime_error("<name>: ...") for malformed text, no objects, or
/// an object that is not a PersistentVolumeClaim.
std::vector<json::Value> ParseClaimInput(std::string_view text, const std::string& name);

}  // namespace pvcwatch::cli
