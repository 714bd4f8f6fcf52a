#include "rest/proxy.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "go/httpproxy.h"
#include "go/net.h"
#include "go/strconv.h"
#include "go/strings.h"
#include "rest/errors.h"

namespace pvcwatch::rest {
namespace {

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::strtol(std::string(s.substr(i + 1, 2)).c_str(), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Parses "scheme://[user[:password]@]host[:port][/...]" into a proxy; `source` names
// where the URL came from, for messages (which never repeat the userinfo).
Proxy ParseProxyUrl(const std::string& text, const std::string& source) {
  size_t scheme_end = text.find("://");
  if (scheme_end == std::string::npos) {
    throw ConfigError("invalid proxy URL (" + source + "): no scheme");
  }
  std::string scheme = go::ToLower(text.substr(0, scheme_end));
  std::string rest = text.substr(scheme_end + 3);
  std::string authority = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = authority.rfind('@');
  std::string userinfo = at == std::string::npos ? "" : authority.substr(0, at);
  std::string host_port = at == std::string::npos ? authority : authority.substr(at + 1);
  const std::string shown = scheme + "://" + host_port;
  if (scheme != "http") {
    throw ConfigError("unsupported proxy " + shown + " (" + source +
                      "): kubectl-pvcwatch can only use http:// proxies");
  }
  Proxy proxy;
  std::string port;
  if (!go::SplitHostPort(host_port, proxy.host, port)) {
    proxy.host = host_port;
    if (!proxy.host.empty() && proxy.host.front() == '[' && proxy.host.back() == ']') {
      proxy.host = proxy.host.substr(1, proxy.host.size() - 2);
    }
  } else if (!port.empty()) {
    const go::Parsed<std::uint64_t> number = go::ParseUint(port, 10, 16);
    if (!number.ok()) {
      throw ConfigError("invalid proxy URL " + shown + " (" + source + "): invalid port");
    }
    proxy.port = static_cast<std::uint16_t>(number.value);
  }
  if (proxy.host.empty()) throw ConfigError("invalid proxy URL " + shown + " (" + source + ")");
  if (!userinfo.empty()) {
    size_t colon = userinfo.find(':');
    proxy.username = PercentDecode(userinfo.substr(0, colon));
    if (colon != std::string::npos) proxy.password = PercentDecode(userinfo.substr(colon + 1));
  }
  return proxy;
}

}  // namespace

std::optional<Proxy> ProxyFor(const std::string& proxy_url, const go::ProxyEnvironment& env,
                              const std::string& scheme, const std::string& host,
                              std::uint16_t port) {
  if (!proxy_url.empty()) return ParseProxyUrl(proxy_url, "proxy-url");
  const bool https = scheme == "https";
  const std::string& value = https ? env.https_proxy : env.http_proxy;
  if (value.empty() || !go::UseProxy(env.no_proxy, host, std::to_string(port))) return std::nullopt;
  return ParseProxyUrl(go::WithScheme(value), https ? env.https_proxy_name : env.http_proxy_name);
}

}  // namespace pvcwatch::rest
