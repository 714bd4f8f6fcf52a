#pragma once

// Internal to lib/rest: the only header outside .cc files that names Poco types.

#include <Poco/Net/Context.h>

#include "rest/config.h"

namespace pvcwatch::rest {

/// A client TLS context for `config`: CA bundle (or the system trust store), client
/// certificate and key from memory, strict peer verification unless `insecure`.
/// Throws ConfigError naming the field that could not be used.
Poco::Net::Context::Ptr NewTlsContext(const Config& config);

/// Why the last certificate verification on this thread failed ("" if none did), in
/// Go's words where Go has them, e.g. "x509: certificate signed by unknown authority".
std::string LastVerificationError();
void ClearVerificationError();

}  // namespace pvcwatch::rest
