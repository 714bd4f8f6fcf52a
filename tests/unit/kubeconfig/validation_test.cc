#include "kubeconfig/validation.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "temp_dir.h"

namespace pvcwatch::kubeconfig {
namespace {

namespace data = boost::unit_test::data;
using testing::TempDir;

using Messages = std::vector<std::string>;

struct UserCase {
  std::string name;
  std::function<void(AuthInfo&, const TempDir&)> setup;
  Messages expected;
};
std::ostream& operator<<(std::ostream& os, const UserCase& c) { return os << c.name; }

rest::ExecConfig Exec(const std::string& version, const std::string& mode) {
  rest::ExecConfig exec;
  exec.command = "plugin";
  exec.api_version = version;
  exec.interactive_mode = mode;
  return exec;
}

const std::vector<UserCase> kUserCases = {
    {"token only", [](AuthInfo& u, const TempDir&) { u.token = "t"; }, {}},
    {"token and basic auth",
     [](AuthInfo& u, const TempDir&) {
       u.token = "t";
       u.username = "me";
     },
     {"more than one authentication method found for alice; found [token basicAuth], only "
      "one is allowed"}},
    {"password alone counts as basic auth",
     [](AuthInfo& u, const TempDir&) {
       u.token = "t";
       u.password = "p";
     },
     {"more than one authentication method found for alice; found [token basicAuth], only "
      "one is allowed"}},
    {"token and client certificate are allowed together",
     [](AuthInfo& u, const TempDir& d) {
       u.token = "t";
       u.client_certificate = d.Write("c", "x");
       u.client_key = d.Write("k", "x");
     },
     {}},
    {"certificate without key",
     [](AuthInfo& u, const TempDir&) { u.client_certificate_data = "CERT"; },
     {"client-key-data or client-key must be specified for alice to use the clientCert "
      "authentication method."}},
    {"certificate data and file",
     [](AuthInfo& u, const TempDir& d) {
       u.client_certificate = d.Write("c", "x");
       u.client_certificate_data = "CERT";
       u.client_key_data = "KEY";
     },
     {"client-cert-data and client-cert are both specified for alice. client-cert-data will "
      "override."}},
    {"key data and file",
     [](AuthInfo& u, const TempDir& d) {
       u.client_certificate_data = "CERT";
       u.client_key = d.Write("k", "x");
       u.client_key_data = "KEY";
     },
     {"client-key-data and client-key are both specified for alice; client-key-data will "
      "override"}},
    {"unreadable certificate and key files",
     [](AuthInfo& u, const TempDir& d) {
       u.client_certificate = d.path() + "/none.crt";
       u.client_key = d.path() + "/none.key";
     },
     {"unable to read client-cert <dir>/none.crt for alice due to open <dir>/none.crt: no "
      "such file or directory",
      "unable to read client-key <dir>/none.key for alice due to open <dir>/none.key: no such "
      "file or directory"}},
    {"exec v1 without interactiveMode",
     [](AuthInfo& u, const TempDir&) { u.exec = Exec("client.authentication.k8s.io/v1", ""); },
     {"interactiveMode must be specified for alice to use exec authentication plugin"}},
    {"exec with a bad interactiveMode",
     [](AuthInfo& u, const TempDir&) {
       u.exec = Exec("client.authentication.k8s.io/v1", "Sometimes");
     },
     {"invalid interactiveMode for alice: \"Sometimes\""}},
    {"exec without command, apiVersion and env name",
     [](AuthInfo& u, const TempDir&) {
       u.exec = Exec("", "Never");
       u.exec->command.clear();
       u.exec->env.emplace_back("", "v");
     },
     {"command must be specified for alice to use exec authentication plugin",
      "apiVersion must be specified for alice to use exec authentication plugin",
      "env variable name must be specified for alice to use exec authentication plugin"}},
    {"exec and auth-provider",
     [](AuthInfo& u, const TempDir&) {
       u.exec = Exec("client.authentication.k8s.io/v1", "Never");
       u.auth_provider = AuthProvider{"oidc", {}};
     },
     {"authProvider cannot be provided in combination with an exec plugin for alice"}},
    {"groups without a user to impersonate",
     [](AuthInfo& u, const TempDir&) { u.impersonate_groups = {"g"}; },
     {"requesting uid, groups or user-extra for alice without impersonating a user"}},
    {"groups with a user to impersonate",
     [](AuthInfo& u, const TempDir&) {
       u.impersonate = "bob";
       u.impersonate_groups = {"g"};
     },
     {}},
};

std::string Substitute(std::string text, const std::string& dir) {
  for (std::size_t at; (at = text.find("<dir>")) != std::string::npos;) {
    text.replace(at, 5, dir);
  }
  return text;
}

struct ClusterCase {
  std::string name;
  std::string cluster_name;
  std::function<void(Cluster&, const TempDir&)> setup;
  Messages expected;
};
std::ostream& operator<<(std::ostream& os, const ClusterCase& c) { return os << c.name; }

const std::vector<ClusterCase> kClusterCases = {
    {"server only", "c", [](Cluster& c, const TempDir&) { c.server = "https://h"; }, {}},
    {"no server",
     "c",
     [](Cluster& c, const TempDir&) { c.tls_server_name = "x"; },
     {"no server found for cluster \"c\""}},
    {"no server, no name",
     "",
     [](Cluster& c, const TempDir&) { c.tls_server_name = "x"; },
     {"default cluster has no server defined"}},
    {"ca file and data",
     "c",
     [](Cluster& c, const TempDir& d) {
       c.server = "https://h";
       c.certificate_authority = d.Write("ca", "x");
       c.certificate_authority_data = "CA";
     },
     {"certificate-authority-data and certificate-authority are both specified for c. "
      "certificate-authority-data will override."}},
    {"unreadable ca",
     "c",
     [](Cluster& c, const TempDir& d) {
       c.server = "https://h";
       c.certificate_authority = d.path() + "/none";
     },
     {"unable to read certificate-authority <dir>/none for c due to open <dir>/none: no such "
      "file or directory"}},
    {"proxy with an unsupported scheme",
     "c",
     [](Cluster& c, const TempDir&) {
       c.server = "https://h";
       c.proxy_url = "ftp://proxy:21";
     },
     {"invalid 'proxy-url' \"ftp://proxy:21\" for cluster \"c\": unsupported scheme \"ftp\", "
      "must be http, https, or socks5"}},
    {"proxy without a scheme",
     "c",
     [](Cluster& c, const TempDir&) {
       c.server = "https://h";
       c.proxy_url = "10.0.0.1:3128";
     },
     {"invalid 'proxy-url' \"10.0.0.1:3128\" for cluster \"c\": could not parse: "
      "10.0.0.1:3128"}},
    {"socks5 proxy is valid",
     "c",
     [](Cluster& c, const TempDir&) {
       c.server = "https://h";
       c.proxy_url = "SOCKS5://proxy:1080";
     },
     {}},
};

BOOST_AUTO_TEST_SUITE(validation_test)

BOOST_DATA_TEST_CASE(validates_users_with_client_go_messages, data::make(kUserCases), c) {
  TempDir dir;
  AuthInfo user;
  c.setup(user, dir);
  Messages expected;
  for (const std::string& m : c.expected) expected.push_back(Substitute(m, dir.path()));
  BOOST_TEST(ValidateAuthInfo("alice", user) == expected, boost::test_tools::per_element());
}

BOOST_DATA_TEST_CASE(validates_clusters_with_client_go_messages, data::make(kClusterCases), c) {
  TempDir dir;
  Cluster cluster;
  c.setup(cluster, dir);
  Messages expected;
  for (const std::string& m : c.expected) expected.push_back(Substitute(m, dir.path()));
  BOOST_TEST(ValidateClusterInfo(c.cluster_name, cluster, false) == expected,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(empty_cluster_is_err_empty_cluster_alone) {
  BOOST_TEST(ValidateClusterInfo("c", Cluster{}, true) == Messages{"cluster has no server defined"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::kubeconfig
