#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "go/httpproxy.h"

namespace pvcwatch::rest {

/// An HTTP proxy to reach the API server through (CONNECT for https servers).
struct Proxy {
  std::string host;  // an IPv6 literal without brackets
  std::uint16_t port = 80;
  std::string username;  // from the URL's userinfo, percent-decoded
  std::string password;
};

/// The proxy for requests to `scheme://host:port`: the kubeconfig's `proxy_url` when set
/// (always used, as client-go's http.ProxyURL), else the environment's proxy for the
/// scheme unless NO_PROXY or the localhost/loopback rule excludes the host. nullopt means
/// direct. Throws ConfigError for a proxy that is not http:// (Poco has no HTTPS or SOCKS5
/// proxy support).
std::optional<Proxy> ProxyFor(const std::string& proxy_url, const go::ProxyEnvironment& env,
                              const std::string& scheme, const std::string& host,
                              std::uint16_t port);

}  // namespace pvcwatch::rest
