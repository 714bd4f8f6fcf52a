#include "rest/proxy.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "rest/errors.h"

namespace pvcwatch::rest {
namespace {

namespace data = boost::unit_test::data;

struct NoProxyCase {
  std::string no_proxy;
  std::string host;
  std::string port;
  bool use_proxy;
};
std::ostream& operator<<(std::ostream& os, const NoProxyCase& c) {
  return os << "NO_PROXY=\"" << c.no_proxy << "\" " << c.host << ":" << c.port;
}

// Go's golang.org/x/net/http/httpproxy rules (as net/http.ProxyFromEnvironment applies
// them); every row was checked against go1.26's ProxyFromEnvironment.
const std::vector<NoProxyCase> kNoProxyCases = {
    {"", "example.com", "443", true},
    {"", "localhost", "443", false},  // localhost is never proxied...
    {"", "LOCALHOST", "443", true},   // ...compared before lower-casing, as Go does
    {"", "127.0.0.1", "443", false},  // nor is a loopback address
    {"", "127.8.9.10", "6443", false},
    {"", "::1", "443", false},
    {"", "10.0.0.1", "443", true},
    {"*", "example.com", "443", false},
    {"*", "10.0.0.1", "443", false},
    {"other.org,*", "example.com", "443", false},
    {"example.com", "example.com", "443", false},
    {"example.com", "api.example.com", "443", false},
    {"example.com", "notexample.com", "443", true},
    {".example.com", "example.com", "443", true},
    {".example.com", "api.example.com", "443", false},
    {"*.example.com", "example.com", "443", true},
    {"*.example.com", "a.b.example.com", "443", false},
    {"example.com:443", "example.com", "443", false},
    {"example.com:443", "example.com", "6443", true},
    {" Example.COM , other.org", "example.com", "443", false},
    {"example.com", "API.Example.COM", "443", false},
    {"10.0.0.0/8", "10.1.2.3", "443", false},
    {"10.0.0.0/8", "11.0.0.1", "443", true},
    {"10.0.0.0/8", "ten.example", "443", true},
    {"10.0.0.1", "10.0.0.1", "443", false},
    {"10.0.0.1", "10.0.0.2", "443", true},
    {"10.0.0.1:6443", "10.0.0.1", "6443", false},
    {"10.0.0.1:6443", "10.0.0.1", "443", true},
    {"fd00::/8", "fd00::1", "443", false},
    {"fd00::/8", "fe80::1", "443", true},
    {"fd00::1", "fd00::1", "443", false},
    {"[fd00::1]:443", "fd00::1", "443", false},
    {"[fd00::1]:443", "fd00::1", "6443", true},
    {",, ,", "example.com", "443", true},
    {":443", "example.com", "443", true},  // no host part: ignored
};

BOOST_AUTO_TEST_SUITE(proxy_test)

BOOST_DATA_TEST_CASE(no_proxy_matches_as_go_does, data::make(kNoProxyCases), c) {
  BOOST_TEST(go::UseProxy(c.no_proxy, c.host, c.port) == c.use_proxy);
}

BOOST_AUTO_TEST_CASE(proxy_url_wins_and_applies_even_to_loopback) {
  go::ProxyEnvironment env;
  env.https_proxy = "http://env-proxy:3128";
  std::optional<Proxy> proxy =
      ProxyFor("http://u%40x:p%3Ass@proxy.corp:8080/ignored", env, "https", "127.0.0.1", 6443);
  BOOST_REQUIRE(proxy.has_value());
  BOOST_TEST(proxy->host == "proxy.corp");
  BOOST_TEST(proxy->port == 8080);
  BOOST_TEST(proxy->username == "u@x");
  BOOST_TEST(proxy->password == "p:ss");
}

BOOST_AUTO_TEST_CASE(proxy_url_defaults_and_ipv6) {
  std::optional<Proxy> proxy = ProxyFor("HTTP://proxy", {}, "https", "example.com", 443);
  BOOST_REQUIRE(proxy.has_value());
  BOOST_TEST(proxy->port == 80);
  BOOST_TEST(proxy->username.empty());
  proxy = ProxyFor("http://[fd00::1]:3128", {}, "https", "example.com", 443);
  BOOST_REQUIRE(proxy.has_value());
  BOOST_TEST(proxy->host == "fd00::1");
  BOOST_TEST(proxy->port == 3128);
}

BOOST_AUTO_TEST_CASE(environment_proxy_follows_the_server_scheme) {
  go::ProxyEnvironment env;
  env.https_proxy = "proxy.corp:3128";  // no scheme: http:// is assumed
  std::optional<Proxy> proxy = ProxyFor("", env, "https", "k8s.example", 6443);
  BOOST_REQUIRE(proxy.has_value());
  BOOST_TEST(proxy->host == "proxy.corp");
  BOOST_TEST(proxy->port == 3128);
  // HTTPS_PROXY is only for https servers, HTTP_PROXY only for http ones.
  BOOST_TEST(!ProxyFor("", env, "http", "k8s.example", 8080).has_value());
  go::ProxyEnvironment http_only;
  http_only.http_proxy = "http://proxy.corp:3128";
  BOOST_TEST(!ProxyFor("", http_only, "https", "k8s.example", 6443).has_value());
  BOOST_TEST(ProxyFor("", http_only, "http", "k8s.example", 8080).has_value());
}

BOOST_AUTO_TEST_CASE(environment_proxy_skips_no_proxy_and_loopback) {
  go::ProxyEnvironment env;
  env.https_proxy = "http://proxy.corp:3128";
  env.no_proxy = ".internal";
  BOOST_TEST(!ProxyFor("", env, "https", "api.internal", 6443).has_value());
  BOOST_TEST(!ProxyFor("", env, "https", "127.0.0.1", 6443).has_value());
  BOOST_TEST(ProxyFor("", env, "https", "api.external", 6443).has_value());
}

struct UnsupportedCase {
  std::string proxy_url;
  std::string https_proxy;
  std::string expected;
};
std::ostream& operator<<(std::ostream& os, const UnsupportedCase& c) {
  return os << c.proxy_url << c.https_proxy;
}

const std::vector<UnsupportedCase> kUnsupported = {
    {"socks5://proxy:1080", "",
     "unsupported proxy socks5://proxy:1080 (proxy-url): kubectl-pvcwatch can only use http:// "
     "proxies"},
    {"https://user:secret@proxy:443", "",
     "unsupported proxy https://proxy:443 (proxy-url): kubectl-pvcwatch can only use http:// "
     "proxies"},
    {"", "socks5://proxy:1080",
     "unsupported proxy socks5://proxy:1080 (HTTPS_PROXY): kubectl-pvcwatch can only use "
     "http:// proxies"},
};

BOOST_DATA_TEST_CASE(other_proxy_schemes_are_a_clear_error, data::make(kUnsupported), c) {
  go::ProxyEnvironment env;
  env.https_proxy = c.https_proxy;
  try {
    ProxyFor(c.proxy_url, env, "https", "k8s.example", 443);
    BOOST_FAIL("accepted");
  } catch (const ConfigError& e) {
    BOOST_TEST(e.what() == c.expected);  // never the password
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::rest
