#pragma once

#include <stdexcept>
#include <string_view>

#include "json/value.h"

namespace pvcwatch::json {

/// Malformed JSON; the message says what was wrong and where.
class ParseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Parses one complete JSON document. Throws ParseError on malformed or trailing input.
Value Parse(std::string_view text);

}  // namespace pvcwatch::json
