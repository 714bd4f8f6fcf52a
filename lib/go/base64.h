#pragma once

// Go's encoding/base64 StdEncoding, as encoding/json uses it for []byte fields.

#include <stdexcept>
#include <string>
#include <string_view>

namespace pvcwatch::go {

/// base64.CorruptInputError: "illegal base64 data at input byte N".
class Base64Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Decodes standard base64 with padding: '\r' and '\n' are skipped, anything else outside
/// the alphabet fails. Throws Base64Error with the offset Go reports.
std::string DecodeBase64(std::string_view text);

/// Encodes `data` as standard base64 with padding (through OpenSSL).
std::string EncodeBase64(std::string_view data);

}  // namespace pvcwatch::go
