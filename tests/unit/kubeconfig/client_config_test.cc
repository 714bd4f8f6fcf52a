#include "kubeconfig/client_config.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "kubeconfig/errors.h"
#include "kubeconfig/loader.h"
#include "temp_dir.h"

namespace pvcwatch::kubeconfig {
namespace {

namespace data = boost::unit_test::data;
using testing::ScopedEnv;
using testing::TempDir;

const char kKubeconfig[] = R"(current-context: dev
clusters:
- name: prod
  cluster:
    server: https://prod.example:6443
    certificate-authority: ca.crt
    tls-server-name: api.internal
- name: plain
  cluster: {server: "http://127.0.0.1:8080"}
- name: bare
  cluster: {server: "10.0.0.1:6443", certificate-authority: ca.crt}
- name: data-ca
  cluster: {server: "https://data.example", certificate-authority-data: Q0EgUEVN}
- name: both
  cluster:
    server: https://both
    certificate-authority-data: Q0EgUEVN
    insecure-skip-tls-verify: true
- name: proxied
  cluster: {server: "https://p/prefix?debug=1", proxy-url: "http://proxy:3128"}
users:
- name: cert-user
  user: {client-certificate: u.crt, client-key: u.key}
- name: data-user
  user: {client-certificate-data: Q0VSVA==, client-key-data: S0VZ}
- name: token-user
  user: {token: secret-token}
- name: token-file-user
  user: {tokenFile: token.txt}
- name: missing-token-file-user
  user: {tokenFile: missing-token}
- name: basic-user
  user: {username: admin, password: pw}
- name: exec-user
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: ./plugin
      args: [get-token]
      env: [{name: K, value: V}]
      installHint: "install\e[1m it"
      provideClusterInfo: true
- name: gcp-user
  user: {auth-provider: {name: gcp}}
- name: conflicted
  user: {token: t, username: u}
contexts:
- name: dev
  context: {cluster: prod, user: cert-user, namespace: team-a}
- name: nons
  context: {cluster: prod, user: token-user}
- name: plain
  context: {cluster: plain, user: token-user}
- name: broken
  context: {cluster: prod, user: conflicted}
- name: dangling
  context: {cluster: missing-cluster, user: missing-user}
)";

// A kubeconfig with its certificate, key and token files in a temporary directory.
class Fixture {
 public:
  Fixture() {
    dir_.Write("ca.crt", "CA FILE PEM");
    dir_.Write("u.crt", "CERT FILE");
    dir_.Write("u.key", "KEY FILE");
    dir_.Write("token.txt", "file-token\n");
    config_ = LoadFile(dir_.Write("config", kKubeconfig));
  }
  const Config& config() const { return config_; }
  Config& mutable_config() { return config_; }
  std::string Path(const std::string& name) const { return dir_.path() + "/" + name; }

 private:
  TempDir dir_;
  Config config_;
};

std::string ResolveError(const Config& config, const Overrides& overrides) {
  try {
    Resolve(config, overrides);
  } catch (const Error& e) {
    return e.KubectlText();
  }
  return "<no error>";
}

struct ErrorCase {
  std::string name;
  std::function<void(Overrides&)> flags;
  std::string text;  // exactly what kubectl writes to stderr
};
std::ostream& operator<<(std::ostream& os, const ErrorCase& c) { return os << c.name; }

const std::vector<ErrorCase> kErrorCases = {
    // kubectl asks for the namespace first; without -n a bad name fails validation...
    {"--context missing", [](Overrides& o) { o.context = "nope"; },
     "Error in configuration: context was not found for specified context: nope"},
    {"--cluster missing", [](Overrides& o) { o.cluster = "nope"; },
     "error: no server found for cluster \"nope\""},
    // ...with -n the namespace is known and the client config lookup fails instead.
    {"--context missing with -n",
     [](Overrides& o) {
       o.context = "nope";
       o.namespace_name = "x";
     },
     "error: context \"nope\" does not exist"},
    {"--cluster missing with -n",
     [](Overrides& o) {
       o.cluster = "nope";
       o.namespace_name = "x";
     },
     "error: cluster \"nope\" does not exist"},
    {"--user missing", [](Overrides& o) { o.user = "nope"; },
     "error: auth info \"nope\" does not exist"},
    {"two authentication methods", [](Overrides& o) { o.context = "broken"; },
     "error: more than one authentication method found for conflicted; found "
     "[token basicAuth], only one is allowed"},
    {"--token and --username",
     [](Overrides& o) {
       o.token = "t";
       o.username = "u";
     },
     "error: more than one authentication method found for cert-user; found "
     "[token basicAuth], only one is allowed"},
    {"--as-group without --as", [](Overrides& o) { o.impersonate_groups = {"g"}; },
     "error: requesting uid, groups or user-extra for cert-user without "
     "impersonating a user"},
    {"bad --request-timeout", [](Overrides& o) { o.request_timeout = "5 minutes"; },
     "error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer "
     "followed by a corresponding time unit (e.g. 1s | 2m | 3h)"},
    {"gcp auth-provider", [](Overrides& o) { o.user = "gcp-user"; },
     "error: The gcp auth plugin has been removed.\nPlease use the \"gke-gcloud-auth-plugin\" "
     "kubectl/client-go credential plugin instead.\nSee "
     "https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke "
     "for further details"},
    {"CA data with insecure", [](Overrides& o) { o.cluster = "both"; },
     "error: specifying a root certificates file with the insecure flag is not allowed"},
    {"dangling context without a default server",
     [](Overrides& o) {
       o.context = "dangling";
       o.default_server.clear();
     },
     "Error in configuration: no configuration has been provided, try setting "
     "KUBERNETES_MASTER environment variable"},
    {"--client-certificate without any key",
     [](Overrides& o) {
       o.user = "token-user";
       o.client_certificate = "/dev/null";
     },
     "error: client-key-data or client-key must be specified for token-user "
     "to use the clientCert authentication method."},
};

BOOST_AUTO_TEST_SUITE(client_config_test)

BOOST_DATA_TEST_CASE(fails_with_kubectls_message, data::make(kErrorCases), c) {
  Fixture f;
  Overrides overrides;
  overrides.default_server = "http://localhost:8080";  // as kubectl sets it
  c.flags(overrides);
  BOOST_TEST(ResolveError(f.config(), overrides) == c.text);
}

BOOST_AUTO_TEST_CASE(current_context_gives_cluster_user_and_namespace) {
  Fixture f;
  ClientConfig c = Resolve(f.config(), Overrides{});
  BOOST_TEST(c.context_name == "dev");
  BOOST_TEST(c.namespace_name == "team-a");
  BOOST_TEST(!c.namespace_overridden);
  BOOST_TEST(c.rest.host == "https://prod.example:6443");
  BOOST_TEST(c.rest.tls_server_name == "api.internal");
  BOOST_TEST(c.rest.ca_file == f.Path("ca.crt"));
  BOOST_TEST(c.rest.cert_file == f.Path("u.crt"));
  BOOST_TEST(c.rest.key_file == f.Path("u.key"));
  BOOST_TEST(c.rest.bearer_token == "");
  BOOST_TEST(!c.rest.insecure);
  BOOST_TEST(!c.in_cluster);
}

BOOST_AUTO_TEST_CASE(namespace_defaults_to_default_and_flag_wins) {
  Fixture f;
  Overrides overrides;
  overrides.context = "nons";
  BOOST_TEST(Resolve(f.config(), overrides).namespace_name == "default");
  overrides.namespace_name = "other";
  ClientConfig c = Resolve(f.config(), overrides);
  BOOST_TEST(c.namespace_name == "other");
  BOOST_TEST(c.namespace_overridden);
}

BOOST_AUTO_TEST_CASE(current_context_naming_a_missing_context_is_invalid) {
  Fixture f;
  f.mutable_config().current_context = "ghost";
  Overrides overrides;
  overrides.default_server = "http://localhost:8080";
  BOOST_TEST(ResolveError(f.config(), overrides) ==
             "Error in configuration: context was not found for specified context: ghost");
  // Without kubectl's default server the empty cluster is reported as well.
  BOOST_TEST(ResolveError(f.config(), Overrides{}) ==
             "Error in configuration: \n* context was not found for specified context: ghost"
             "\n* cluster has no server defined");
}

BOOST_AUTO_TEST_CASE(server_flag_drops_the_files_tls_server_name) {
  Fixture f;
  Overrides overrides;
  overrides.server = "https://other:443";
  ClientConfig c = Resolve(f.config(), overrides);
  BOOST_TEST(c.rest.host == "https://other:443");
  BOOST_TEST(c.rest.tls_server_name == "");
  BOOST_TEST(c.rest.ca_file == f.Path("ca.crt"));
  overrides.tls_server_name = "given";
  BOOST_TEST(Resolve(f.config(), overrides).rest.tls_server_name == "given");
}

BOOST_AUTO_TEST_CASE(certificate_authority_flag_replaces_the_files_ca_data) {
  Fixture f;
  Overrides overrides;
  overrides.cluster = "data-ca";
  BOOST_TEST(Resolve(f.config(), overrides).rest.ca_data == "CA PEM");
  overrides.certificate_authority = f.Path("u.crt");
  ClientConfig c = Resolve(f.config(), overrides);
  BOOST_TEST(c.rest.ca_data == "");
  BOOST_TEST(c.rest.ca_file == f.Path("u.crt"));
}

BOOST_AUTO_TEST_CASE(insecure_flag_drops_the_files_ca_and_false_changes_nothing) {
  Fixture f;
  Overrides overrides;
  overrides.insecure_skip_tls_verify = false;
  ClientConfig kept = Resolve(f.config(), overrides);
  BOOST_TEST(kept.rest.ca_file == f.Path("ca.crt"));
  BOOST_TEST(!kept.rest.insecure);
  overrides.insecure_skip_tls_verify = true;
  overrides.cluster = "data-ca";
  ClientConfig insecure = Resolve(f.config(), overrides);
  BOOST_TEST(insecure.rest.insecure);
  BOOST_TEST(insecure.rest.ca_data == "");
  BOOST_TEST(insecure.rest.ca_file == "");
}

BOOST_AUTO_TEST_CASE(credentials_never_go_to_an_http_server) {
  Fixture f;
  Overrides overrides;
  overrides.context = "plain";
  ClientConfig c = Resolve(f.config(), overrides);
  BOOST_TEST(c.rest.host == "http://127.0.0.1:8080");
  BOOST_TEST(c.rest.bearer_token == "");
  overrides.cluster = "bare";  // host:port without a scheme is http to client-go
  ClientConfig bare = Resolve(f.config(), overrides);
  BOOST_TEST(bare.rest.bearer_token == "");
  BOOST_TEST(bare.rest.ca_file == "");
}

BOOST_AUTO_TEST_CASE(token_file_is_read_trimmed_and_kept_for_rereading) {
  Fixture f;
  Overrides overrides;
  overrides.user = "token-file-user";
  ClientConfig c = Resolve(f.config(), overrides);
  BOOST_TEST(c.rest.bearer_token == "file-token");
  BOOST_TEST(c.rest.bearer_token_file == f.Path("token.txt"));
  overrides.user = "missing-token-file-user";
  BOOST_TEST(ResolveError(f.config(), overrides) ==
             "error: open " + f.Path("missing-token") + ": no such file or directory");
}

BOOST_AUTO_TEST_CASE(certificate_data_basic_auth_and_token) {
  Fixture f;
  Overrides overrides;
  overrides.user = "data-user";
  ClientConfig data = Resolve(f.config(), overrides);
  BOOST_TEST(data.rest.cert_data == "CERT");
  BOOST_TEST(data.rest.key_data == "KEY");
  BOOST_TEST(data.rest.cert_file == "");
  overrides.user = "basic-user";
  ClientConfig basic = Resolve(f.config(), overrides);
  BOOST_TEST(basic.rest.username == "admin");
  BOOST_TEST(basic.rest.password == "pw");
  overrides.user = "token-user";
  BOOST_TEST(Resolve(f.config(), overrides).rest.bearer_token == "secret-token");
}

BOOST_AUTO_TEST_CASE(client_certificate_flag_replaces_the_files_certificate_data) {
  Fixture f;
  Overrides overrides;
  overrides.user = "data-user";
  overrides.client_certificate = f.Path("u.crt");
  ClientConfig c = Resolve(f.config(), overrides);
  BOOST_TEST(c.rest.cert_file == f.Path("u.crt"));
  BOOST_TEST(c.rest.cert_data == "");
  BOOST_TEST(c.rest.key_data == "KEY");
}

BOOST_AUTO_TEST_CASE(token_flag_adds_to_a_certificate_user) {
  Fixture f;
  Overrides overrides;
  overrides.token = "flag-token";
  ClientConfig c = Resolve(f.config(), overrides);
  BOOST_TEST(c.rest.bearer_token == "flag-token");
  BOOST_TEST(c.rest.cert_file == f.Path("u.crt"));
}

BOOST_AUTO_TEST_CASE(exec_plugin_is_passed_on_with_a_clean_install_hint) {
  Fixture f;
  Overrides overrides;
  overrides.user = "exec-user";
  ClientConfig c = Resolve(f.config(), overrides);
  BOOST_TEST_REQUIRE(c.rest.exec.has_value());
  BOOST_TEST(c.rest.exec->command == f.Path("plugin"));
  BOOST_TEST(c.rest.exec->args == std::vector<std::string>{"get-token"});
  BOOST_TEST(c.rest.exec->env.at(0).first == "K");
  BOOST_TEST(c.rest.exec->interactive_mode == "IfAvailable");
  BOOST_TEST(c.rest.exec->install_hint == "installU+001B[1m it");
  BOOST_TEST(c.rest.cluster_ca_data_for_exec == "CA FILE PEM");
}

BOOST_AUTO_TEST_CASE(explicit_token_bypasses_the_exec_plugin) {
  Fixture f;
  Overrides overrides;
  overrides.user = "exec-user";
  overrides.token = "flag-token";
  ClientConfig c = Resolve(f.config(), overrides);
  BOOST_TEST(!c.rest.exec.has_value());
  BOOST_TEST(c.rest.bearer_token == "flag-token");
}

BOOST_AUTO_TEST_CASE(impersonation_timeout_and_proxy) {
  Fixture f;
  Overrides overrides;
  overrides.cluster = "proxied";
  overrides.impersonate = "bob";
  overrides.impersonate_groups = {"g1", "g2"};
  overrides.request_timeout = "1m30s";
  ClientConfig c = Resolve(f.config(), overrides);
  BOOST_TEST(c.rest.host == "https://p/prefix");  // a query string is dropped
  BOOST_TEST(c.rest.proxy_url == "http://proxy:3128");
  BOOST_TEST(c.rest.impersonate_user == "bob");
  BOOST_TEST(c.rest.impersonate_groups == (std::vector<std::string>{"g1", "g2"}));
  BOOST_TEST(c.rest.timeout.count() == 90000);
}

BOOST_AUTO_TEST_CASE(default_server_stands_in_for_a_missing_cluster) {
  Fixture f;
  Overrides overrides;
  overrides.context = "dangling";
  overrides.default_server = "http://localhost:8080";
  ClientConfig c = Resolve(f.config(), overrides);
  BOOST_TEST(c.rest.host == "http://localhost:8080");
  BOOST_TEST(c.namespace_name == "default");
}

BOOST_AUTO_TEST_CASE(empty_kubeconfig_uses_the_default_server_or_fails) {
  Overrides overrides;
  BOOST_TEST(ResolveError(Config{}, overrides) ==
             "Error in configuration: no configuration has been provided, try setting "
             "KUBERNETES_MASTER environment variable");
  overrides.default_server = "http://localhost:8080";
  ClientConfig c = Resolve(Config{}, overrides);
  BOOST_TEST(c.rest.host == "http://localhost:8080");
  BOOST_TEST(c.context_name == "");
  BOOST_TEST(c.namespace_name == "default");
  overrides.server = "https://flag:6443";
  overrides.token = "t";
  ClientConfig flags_only = Resolve(Config{}, overrides);
  BOOST_TEST(flags_only.rest.host == "https://flag:6443");
  BOOST_TEST(flags_only.rest.bearer_token == "t");
}

BOOST_AUTO_TEST_CASE(kubectl_default_server_follows_kubernetes_master) {
  {
    ScopedEnv master("KUBERNETES_MASTER", std::nullopt);
    BOOST_TEST(KubectlDefaultServer() == "http://localhost:8080");
  }
  ScopedEnv master("KUBERNETES_MASTER", "https://master:6443");
  BOOST_TEST(KubectlDefaultServer() == "https://master:6443");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::kubeconfig
