#pragma once

#include <chrono>
#include <stdexcept>
#include <string>

namespace pvcwatch::rest {

/// A time that Go's time.Parse(time.RFC3339, ...) would refuse; the message is Go's
/// (`parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"`).
class TimeParseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Parses an RFC 3339 time as metav1.Time does (fractional seconds allowed, any offset).
/// Throws TimeParseError.
std::chrono::system_clock::time_point ParseRfc3339(const std::string& text);

}  // namespace pvcwatch::rest
