#pragma once

// Go's net package: host:port text as Go splits and joins it.

#include <string>

namespace pvcwatch::go {

/// net.SplitHostPort: "host:port" or "[v6]:port" into its parts; false when malformed.
bool SplitHostPort(const std::string& text, std::string& host, std::string& port);

/// net.JoinHostPort: a host with a colon (an IPv6 literal) goes in brackets.
std::string JoinHostPort(const std::string& host, const std::string& port);

}  // namespace pvcwatch::go
