#pragma once

// goyaml v2's resolution of plain scalars (go.yaml.in/yaml/v2 resolve.go, as sigs.k8s.io/yaml
// uses it): one rule for reading YAML and for deciding what the YAML printer must quote.

#include <string>
#include <string_view>

namespace pvcwatch::go {

/// What a plain (unquoted, untagged) scalar means once goyaml has resolved it and decoded
/// it into interface{}: timestamps stay strings there, and so does anything unresolvable.
struct YamlScalar {
  enum class Kind { kString, kNull, kBool, kInt, kFloat };
  Kind kind = Kind::kString;
  bool boolean = false;  ///< kBool: the value (YAML 1.1 words: yes, on, off, ...).
  std::string number;    ///< kInt: decimal digits; kFloat: Go's 'g' text ("+Inf", "NaN" too).
};

/// Resolves `text` written as a plain scalar: YAML 1.1 bools and nulls, ints in any base
/// Go reads with '_' between digits (0x1F, 0o17, 017, 0b101, 1_000), floats (1.5e3, .5,
/// .inf, .nan).
YamlScalar ResolvePlainScalar(std::string_view text);

/// Whether goyaml v2 would read `text`, written unquoted, back as the same string rather
/// than a bool, null, number, timestamp, merge key or base-60 float: its encoder quotes a
/// string exactly when this is false.
bool ResolvesToString(std::string_view text);

}  // namespace pvcwatch::go
