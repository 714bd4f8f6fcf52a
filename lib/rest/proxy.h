#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace pvcwatch::rest {

/// An HTTP proxy to reach the API server through (CONNECT for https servers).
struct Proxy {
  std::string host;  // an IPv6 literal without brackets
  std::uint16_t port = 80;
  std::string username;  // from the URL's userinfo, percent-decoded
  std::string password;
};

/// The proxy variables, read as Go's httpproxy.FromEnvironment reads them (upper case
/// first, then lower case); `*_name` says which variable a value came from.
struct ProxyEnvironment {
  std::string http_proxy;
  std::string https_proxy;
  std::string no_proxy;
  std::string http_proxy_name = "HTTP_PROXY";
  std::string https_proxy_name = "HTTPS_PROXY";
  /// This process's environment.
  static ProxyEnvironment FromProcess();
};

/// The proxy for requests to `scheme://host:port`: the kubeconfig's `proxy_url` when set
/// (always used, as client-go's http.ProxyURL), else the environment's proxy for the
/// scheme unless NO_PROXY or the localhost/loopback rule excludes the host. nullopt means
/// direct. Throws ConfigError for a proxy that is not http:// (Poco has no HTTPS or SOCKS5
/// proxy support).
std::optional<Proxy> ProxyFor(const std::string& proxy_url, const ProxyEnvironment& env,
                              const std::string& scheme, const std::string& host,
                              std::uint16_t port);

/// Go's httpproxy useProxy: false when `host` is localhost or a loopback IP, or when a
/// NO_PROXY entry matches it (`*`, a domain and its subdomains, `.domain` for subdomains
/// only, an IP or CIDR, each optionally with `:port`).
bool UseProxy(const std::string& no_proxy, const std::string& host, const std::string& port);

}  // namespace pvcwatch::rest
