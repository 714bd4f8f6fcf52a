#pragma once

#include <stdexcept>
#include <string_view>

#include "jsonpath/node.h"

namespace pvcwatch::jsonpath {

/// A template client-go's parser rejects; the message is upstream's, word for word
/// (e.g. "unclosed action", "unrecognized character in action: U+0023 '#'").
class ParseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Parses a JSONPath template as k8s.io/client-go/util/jsonpath's Parse does: the returned
/// list holds the text outside braces and one list per {action}, in order. Throws ParseError.
Node Parse(std::string_view text);

}  // namespace pvcwatch::jsonpath
