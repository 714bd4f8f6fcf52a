#pragma once

#include <ostream>

#include "json/value.h"

namespace pvcwatch::print {

/// Prints `value` as `kubectl get -o yaml` does (sigs.k8s.io/yaml: Go's encoding/json,
/// then go.yaml.in/yaml/v2): keys in goyaml's order, strings quoted exactly when goyaml
/// quotes them, numbers as Go re-reads them. Throws std::invalid_argument where kubectl
/// fails, e.g. "yaml: control characters are not allowed" for U+007F in a string.
void PrintYaml(const json::Value& value, std::ostream& out);

}  // namespace pvcwatch::print
