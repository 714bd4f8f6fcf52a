#pragma once

// golang.org/x/net/http/httpproxy, as net/http's ProxyFromEnvironment uses it: which
// variables name a proxy, and which hosts NO_PROXY and the loopback rule exempt.

#include <string>

namespace pvcwatch::go {

/// The proxy variables, read as httpproxy.FromEnvironment reads them (upper case first,
/// then lower case); `*_name` says which variable a value came from.
struct ProxyEnvironment {
  std::string http_proxy;
  std::string https_proxy;
  std::string no_proxy;
  std::string http_proxy_name = "HTTP_PROXY";
  std::string https_proxy_name = "HTTPS_PROXY";
  /// This process's environment.
  static ProxyEnvironment FromProcess();
};

/// httpproxy useProxy: false when `host` is localhost or a loopback IP, or when a
/// NO_PROXY entry matches it (`*`, a domain and its subdomains, `.domain` for subdomains
/// only, an IP or CIDR, each optionally with `:port`).
bool UseProxy(const std::string& no_proxy, const std::string& host, const std::string& port);

/// httpproxy parseProxy: a value without a scheme it knows is taken as "http://" + value.
std::string WithScheme(const std::string& value);

}  // namespace pvcwatch::go
