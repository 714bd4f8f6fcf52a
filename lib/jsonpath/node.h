#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace pvcwatch::jsonpath {

/// One bound of an array selection [start:end:step] (client-go's ParamsEntry): `known` when
/// the template gave it, `derived` for the end of a single index ([2] is [2:3]).
struct Param {
  std::int64_t value = 0;
  bool known = false;
  bool derived = false;
};

/// A node of a parsed template, one struct for all of client-go's node types.
struct Node {
  enum class Type {
    kText,
    kArray,
    kList,
    kField,
    kIdentifier,
    kFilter,
    kInt,
    kFloat,
    kWildcard,
    kRecursive,
    kUnion,
    kBool,
  };
  Type type = Type::kList;
  std::string text;               ///< kText's text; kField's, kIdentifier's name; kFilter's op.
  std::vector<Node> nodes;        ///< kList's steps; kUnion's lists; kFilter's left, right.
  std::array<Param, 3> params{};  ///< kArray's start, end and step.
  std::int64_t integer = 0;       ///< kInt.
  double real = 0;                ///< kFloat.
  bool boolean = false;           ///< kBool.
};

}  // namespace pvcwatch::jsonpath
