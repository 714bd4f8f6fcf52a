#pragma once

// Internal to lib/rest: the only header outside .cc files that names Poco types.

#include <Poco/Net/Context.h>

#include <optional>
#include <string>

#include "rest/config.h"

namespace pvcwatch::rest {

/// A client TLS context for `config`: CA bundle (or the system trust store), client
/// certificate and key from memory, strict peer verification against `server_name` (the
/// tls-server-name, else the URL's host) unless `insecure`.
/// Throws ConfigError naming the field that could not be used.
Poco::Net::Context::Ptr NewTlsContext(const Config& config, const std::string& server_name);

/// Why a client certificate and key from an exec plugin cannot be used, in Go's
/// crypto/tls words ("tls: failed to find any PEM data in certificate input"), or nullopt.
std::optional<std::string> KeyPairError(const std::string& cert_pem, const std::string& key_pem);

/// Why the last certificate verification on this thread failed ("" if none did), in
/// Go's words where Go has them, e.g. "x509: certificate signed by unknown authority";
/// `server_name` completes a host name mismatch ("x509: certificate is valid for a, not b").
std::string LastVerificationError(const std::string& server_name);
void ClearVerificationError();

}  // namespace pvcwatch::rest
