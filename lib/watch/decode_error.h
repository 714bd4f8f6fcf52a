#pragma once

#include <stdexcept>

namespace pvcwatch::watch {

/// A list or watch response body that is not what the API promises (malformed JSON, a
/// watch frame without type or object, a list without items); the message says which.
/// RestListerWatcher reports it as a broken connection to the server it came from.
class DecodeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace pvcwatch::watch
