#pragma once

#include <string_view>
#include <vector>

#include "json/parser.h"
#include "json/value.h"

namespace YAML {
class Node;
}

namespace pvcwatch::json {

/// Parses YAML (one or more documents) into JSON values as sigs.k8s.io/yaml does:
/// plain scalars resolve to null, booleans and numbers by YAML 1.1 rules, quoted ones
/// stay strings. Throws ParseError with the line and column of the problem.
std::vector<Value> ParseYaml(std::string_view text);

/// One YAML node already parsed by yaml-cpp, converted by the same rules. Throws
/// ParseError for a mapping key that is not a string.
Value FromYaml(const YAML::Node& node);

}  // namespace pvcwatch::json
