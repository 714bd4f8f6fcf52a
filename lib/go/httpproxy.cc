#include "go/httpproxy.h"

#if defined(_WIN32)
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#endif

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string_view>

#include "go/net.h"
#include "go/os.h"
#include "go/strconv.h"
#include "go/strings.h"

namespace pvcwatch::go {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// An IP address as Go's net.IP compares it: IPv4 as its IPv4-mapped IPv6 form.
using Ip = std::array<unsigned char, 16>;

std::optional<Ip> ParseIp(const std::string& text) {
  Ip ip{};
  unsigned char v4[4];
  if (inet_pton(AF_INET, text.c_str(), v4) == 1) {
    ip[10] = ip[11] = 0xff;
    std::copy(v4, v4 + 4, ip.begin() + 12);
    return ip;
  }
  if (inet_pton(AF_INET6, text.c_str(), ip.data()) == 1) return ip;
  return std::nullopt;
}

bool IsIpv4(const Ip& ip) {
  return std::all_of(ip.begin(), ip.begin() + 10, [](unsigned char b) { return b == 0; }) &&
         ip[10] == 0xff && ip[11] == 0xff;
}

bool IsLoopback(const Ip& ip) {
  if (IsIpv4(ip)) return ip[12] == 127;
  Ip one{};
  one[15] = 1;
  return ip == one;
}

struct Cidr {
  Ip network;
  int bits;  // of the 128-bit form
  bool Contains(const Ip& ip) const {
    for (int i = 0; i < bits; ++i) {
      int mask = 0x80 >> (i % 8);
      if ((network[i / 8] & mask) != (ip[i / 8] & mask)) return false;
    }
    return true;
  }
};

std::optional<Cidr> ParseCidr(const std::string& text) {
  size_t slash = text.find('/');
  if (slash == std::string::npos || !AllDigits(std::string_view(text).substr(slash + 1))) {
    return std::nullopt;
  }
  std::string address = text.substr(0, slash);
  std::optional<Ip> ip = ParseIp(address);
  if (!ip || text.size() - slash - 1 > 3) return std::nullopt;
  const int bits = static_cast<int>(ParseInt(std::string_view(text).substr(slash + 1)).value);
  const bool v4 = address.find(':') == std::string::npos;
  if (bits > (v4 ? 32 : 128)) return std::nullopt;
  return Cidr{*ip, v4 ? bits + 96 : bits};
}

}  // namespace

ProxyEnvironment ProxyEnvironment::FromProcess() {
  ProxyEnvironment env;
  for (const char* name : {"HTTP_PROXY", "http_proxy"}) {
    if (env.http_proxy.empty() && !(env.http_proxy = go::Getenv(name)).empty()) {
      env.http_proxy_name = name;
    }
  }
  for (const char* name : {"HTTPS_PROXY", "https_proxy"}) {
    if (env.https_proxy.empty() && !(env.https_proxy = go::Getenv(name)).empty()) {
      env.https_proxy_name = name;
    }
  }
  env.no_proxy = go::Getenv("NO_PROXY");
  if (env.no_proxy.empty()) env.no_proxy = go::Getenv("no_proxy");
  return env;
}

bool UseProxy(const std::string& no_proxy, const std::string& host, const std::string& port) {
  // "requests to localhost or loopback addresses are not proxied" (checked before the
  // host is lower-cased, as Go does).
  if (host == "localhost") return false;
  std::optional<Ip> ip = ParseIp(host);
  if (ip && IsLoopback(*ip)) return false;
  const std::string addr = ToLower(TrimSpace(host));

  size_t start = 0;
  while (start <= no_proxy.size()) {
    size_t comma = no_proxy.find(',', start);
    if (comma == std::string::npos) comma = no_proxy.size();
    std::string entry = ToLower(TrimSpace(std::string_view(no_proxy).substr(start, comma - start)));
    start = comma + 1;
    if (entry.empty()) continue;
    if (entry == "*") return false;
    if (std::optional<Cidr> cidr = ParseCidr(entry)) {
      if (ip && cidr->Contains(*ip)) return false;
      continue;
    }
    std::string entry_host = entry;
    std::string entry_port;
    if (SplitHostPort(entry, entry_host, entry_port)) {
      if (entry_host.empty()) continue;  // ":80" names no host
    } else {
      entry_host = entry;
      entry_port.clear();
    }
    if (std::optional<Ip> entry_ip = ParseIp(entry_host)) {
      if (ip && *ip == *entry_ip && (entry_port.empty() || entry_port == port)) return false;
      continue;
    }
    // "foo.com" matches foo.com and its subdomains; ".foo.com" and "*.foo.com" only
    // the subdomains.
    if (entry_host.rfind("*.", 0) == 0) entry_host = entry_host.substr(1);
    const bool match_host = entry_host[0] != '.';
    if (match_host) entry_host = "." + entry_host;
    const bool suffix =
        addr.size() >= entry_host.size() &&
        addr.compare(addr.size() - entry_host.size(), std::string::npos, entry_host) == 0;
    if ((suffix || (match_host && addr == entry_host.substr(1))) &&
        (entry_port.empty() || entry_port == port)) {
      return false;
    }
  }
  return true;
}

std::string WithScheme(const std::string& value) {
  size_t scheme_end = value.find("://");
  if (scheme_end != std::string::npos) {
    std::string scheme = ToLower(value.substr(0, scheme_end));
    if (scheme == "http" || scheme == "https" || scheme == "socks5") return value;
  }
  return "http://" + value;
}

}  // namespace pvcwatch::go
