#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "json/value.h"

namespace pvcwatch::json {

/// Malformed JSON; the message says what was wrong and where.
class ParseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ParseOptions {
  /// Leaves out `managedFields` of every member named `metadata`: kubectl never prints
  /// them, and they are the largest part of a claim (reading less is faster and smaller).
  bool skip_managed_fields = false;
};

/// Parses one complete JSON document. Throws ParseError on malformed or trailing input.
Value Parse(std::string_view text, ParseOptions options = {});

/// Parse for a large buffer: the parser's padding is added to the buffer's capacity
/// (usually free after growing it by appends) instead of copying the whole text.
Value ParseInPlace(std::string& buffer, ParseOptions options = {});

}  // namespace pvcwatch::json
