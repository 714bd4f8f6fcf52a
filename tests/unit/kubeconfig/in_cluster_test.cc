#include "kubeconfig/in_cluster.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "kubeconfig/client_config.h"
#include "kubeconfig/errors.h"
#include "kubeconfig/parse.h"
#include "temp_dir.h"

namespace pvcwatch::kubeconfig {
namespace {

namespace data = boost::unit_test::data;
using testing::ScopedEnv;
using testing::TempDir;

constexpr char kCa[] = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

// A pod's environment: service host and port, and a service-account directory.
class Pod {
 public:
  explicit Pod(const std::optional<std::string>& host = "10.96.0.1",
               const std::optional<std::string>& port = "443")
      : host_("KUBERNETES_SERVICE_HOST", host),
        port_("KUBERNETES_SERVICE_PORT", port),
        pod_namespace_("POD_NAMESPACE", std::nullopt),
        master_("KUBERNETES_MASTER", std::nullopt) {}

  const TempDir& dir() const { return dir_; }
  void MountServiceAccount() const {
    dir_.Write("token", "sa-token\n");
    dir_.Write("ca.crt", kCa);
    dir_.Write("namespace", "pod-ns\n");
  }

 private:
  TempDir dir_;
  ScopedEnv host_, port_, pod_namespace_, master_;
};

Overrides KubectlOverrides() {
  Overrides overrides;
  overrides.default_server = "http://localhost:8080";
  return overrides;
}

const char kKubeconfig[] = R"(current-context: dev
clusters:
- name: c
  cluster: {server: "https://kubeconfig.example"}
users:
- name: u
  user: {token: kubeconfig-token}
contexts:
- name: dev
  context: {cluster: c, user: u}
- name: explicit-default
  context: {cluster: c, user: u, namespace: default}
- name: team
  context: {cluster: c, user: u, namespace: team}
)";

BOOST_AUTO_TEST_SUITE(in_cluster_test)

BOOST_AUTO_TEST_CASE(possible_needs_host_port_and_a_token_file) {
  {
    Pod pod;
    BOOST_TEST(!InClusterPossible(pod.dir().path()));  // no token yet
    pod.dir().Write("token/inside", "x");              // a directory named token does not count
    BOOST_TEST(!InClusterPossible(pod.dir().path()));
  }
  {
    Pod pod;
    pod.MountServiceAccount();
    BOOST_TEST(InClusterPossible(pod.dir().path()));
  }
  {
    Pod pod(std::nullopt, "443");
    pod.MountServiceAccount();
    BOOST_TEST(!InClusterPossible(pod.dir().path()));
  }
  {
    Pod pod("10.96.0.1", "");
    pod.MountServiceAccount();
    BOOST_TEST(!InClusterPossible(pod.dir().path()));
  }
}

BOOST_AUTO_TEST_CASE(service_account_dir_defaults_to_the_kubernetes_mount) {
  BOOST_TEST(std::string(kServiceAccountDir) == "/var/run/secrets/kubernetes.io/serviceaccount");
}

struct HostCase {
  std::string host;
  std::string url;
};
std::ostream& operator<<(std::ostream& os, const HostCase& c) { return os << c.host; }

BOOST_DATA_TEST_CASE(builds_the_host_as_go_join_host_port,
                     data::make(std::vector<HostCase>{
                         {"10.96.0.1", "https://10.96.0.1:443"},
                         {"fd00:10:96::1", "https://[fd00:10:96::1]:443"},
                         {"kubernetes.default.svc", "https://kubernetes.default.svc:443"},
                     }),
                     c) {
  Pod pod(c.host, "443");
  pod.MountServiceAccount();
  BOOST_TEST(InClusterConfig(Overrides{}, pod.dir().path()).host == c.url);
}

BOOST_AUTO_TEST_CASE(uses_token_file_and_ca_of_the_service_account) {
  Pod pod;
  pod.MountServiceAccount();
  rest::Config config = InClusterConfig(Overrides{}, pod.dir().path());
  BOOST_TEST(config.bearer_token == "sa-token");
  BOOST_TEST(config.bearer_token_file == pod.dir().path() + "/token");
  BOOST_TEST(config.ca_file == pod.dir().path() + "/ca.crt");
  BOOST_TEST(config.ca_data == "");
}

BOOST_AUTO_TEST_CASE(a_ca_that_is_not_a_certificate_falls_back_to_system_roots) {
  Pod pod;
  pod.MountServiceAccount();
  pod.dir().Write("ca.crt", "garbage");
  BOOST_TEST(InClusterConfig(Overrides{}, pod.dir().path()).ca_file == "");
}

BOOST_AUTO_TEST_CASE(server_token_and_ca_flags_override_and_nothing_else) {
  Pod pod;
  pod.MountServiceAccount();
  Overrides overrides;
  overrides.server = "https://elsewhere:6443";
  overrides.token = "flag-token";
  overrides.certificate_authority = "/etc/ca.pem";
  overrides.impersonate = "ignored-in-cluster";
  rest::Config config = InClusterConfig(overrides, pod.dir().path());
  BOOST_TEST(config.host == "https://elsewhere:6443");
  BOOST_TEST(config.bearer_token == "flag-token");
  BOOST_TEST(config.bearer_token_file == "");
  BOOST_TEST(config.ca_file == "/etc/ca.pem");
  BOOST_TEST(config.impersonate_user == "");
}

BOOST_AUTO_TEST_CASE(errors_name_what_is_missing) {
  {
    Pod pod(std::nullopt, std::nullopt);
    try {
      InClusterConfig(Overrides{}, pod.dir().path());
      BOOST_FAIL("expected an error");
    } catch (const Error& e) {
      BOOST_TEST(e.KubectlText() ==
                 "error: unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and "
                 "KUBERNETES_SERVICE_PORT must be defined");
    }
  }
  Pod pod;
  try {
    InClusterConfig(Overrides{}, pod.dir().path());
    BOOST_FAIL("expected an error");
  } catch (const Error& e) {
    BOOST_TEST(e.KubectlText() ==
               "error: open " + pod.dir().path() + "/token: no such file or directory");
  }
}

BOOST_AUTO_TEST_CASE(namespace_from_env_then_file_then_default) {
  Pod pod;
  BOOST_TEST(InClusterNamespace(pod.dir().path()) == "default");
  pod.dir().Write("namespace", "  \n");
  BOOST_TEST(InClusterNamespace(pod.dir().path()) == "default");
  pod.MountServiceAccount();
  BOOST_TEST(InClusterNamespace(pod.dir().path()) == "pod-ns");
  ScopedEnv pod_namespace("POD_NAMESPACE", "from-downward-api");
  BOOST_TEST(InClusterNamespace(pod.dir().path()) == "from-downward-api");
}

BOOST_AUTO_TEST_CASE(empty_kubeconfig_in_a_pod_uses_the_service_account) {
  Pod pod;
  pod.MountServiceAccount();
  ClientConfig c = ResolveOrInCluster(Config{}, KubectlOverrides(), pod.dir().path());
  BOOST_TEST(c.in_cluster);
  BOOST_TEST(c.rest.host == "https://10.96.0.1:443");
  BOOST_TEST(c.rest.bearer_token == "sa-token");
  BOOST_TEST(c.namespace_name == "pod-ns");
  BOOST_TEST(!c.namespace_overridden);
  // Also without kubectl's default server (the empty-configuration error path).
  BOOST_TEST(ResolveOrInCluster(Config{}, Overrides{}, pod.dir().path()).in_cluster);
}

BOOST_AUTO_TEST_CASE(namespace_flag_is_kept_in_a_pod) {
  Pod pod;
  pod.MountServiceAccount();
  Overrides overrides = KubectlOverrides();
  overrides.namespace_name = "flag-ns";
  ClientConfig c = ResolveOrInCluster(Config{}, overrides, pod.dir().path());
  BOOST_TEST(c.in_cluster);
  BOOST_TEST(c.namespace_name == "flag-ns");
  BOOST_TEST(c.namespace_overridden);
}

BOOST_AUTO_TEST_CASE(empty_kubeconfig_outside_a_pod_is_the_default_server_or_an_error) {
  Pod pod(std::nullopt, std::nullopt);
  ClientConfig c = ResolveOrInCluster(Config{}, KubectlOverrides(), pod.dir().path());
  BOOST_TEST(!c.in_cluster);
  BOOST_TEST(c.rest.host == "http://localhost:8080");
  BOOST_TEST(c.namespace_name == "default");
  try {
    ResolveOrInCluster(Config{}, Overrides{}, pod.dir().path());
    BOOST_FAIL("expected an error");
  } catch (const Error& e) {
    BOOST_TEST(e.empty_config());
  }
}

BOOST_AUTO_TEST_CASE(a_kubeconfig_wins_in_a_pod_but_an_implied_namespace_does_not) {
  Pod pod;
  pod.MountServiceAccount();
  Config config = Parse(kKubeconfig, "/k");
  Overrides overrides = KubectlOverrides();
  ClientConfig c = ResolveOrInCluster(config, overrides, pod.dir().path());
  BOOST_TEST(!c.in_cluster);
  BOOST_TEST(c.rest.host == "https://kubeconfig.example");
  BOOST_TEST(c.rest.bearer_token == "kubeconfig-token");
  BOOST_TEST(c.namespace_name == "pod-ns");  // the context names none
  overrides.context = "explicit-default";
  BOOST_TEST(ResolveOrInCluster(config, overrides, pod.dir().path()).namespace_name == "default");
  overrides.context = "team";
  BOOST_TEST(ResolveOrInCluster(config, overrides, pod.dir().path()).namespace_name == "team");
}

BOOST_AUTO_TEST_CASE(any_flag_that_changes_the_config_disables_in_cluster_as_in_kubectl) {
  // kubernetes/kubernetes#93474: --request-timeout makes the config differ from the
  // default, so kubectl in a pod talks to localhost:8080.
  Pod pod;
  pod.MountServiceAccount();
  Overrides overrides = KubectlOverrides();
  overrides.request_timeout = "5s";
  ClientConfig c = ResolveOrInCluster(Config{}, overrides, pod.dir().path());
  BOOST_TEST(!c.in_cluster);
  BOOST_TEST(c.rest.host == "http://localhost:8080");
  overrides.request_timeout = "0";  // kubectl's default changes nothing
  BOOST_TEST(ResolveOrInCluster(Config{}, overrides, pod.dir().path()).in_cluster);
}

BOOST_AUTO_TEST_CASE(configuration_errors_are_not_hidden_by_in_cluster) {
  Pod pod;
  pod.MountServiceAccount();
  Overrides overrides = KubectlOverrides();
  overrides.context = "nope";
  try {
    ResolveOrInCluster(Parse(kKubeconfig, "/k"), overrides, pod.dir().path());
    BOOST_FAIL("expected an error");
  } catch (const Error& e) {
    BOOST_TEST(e.KubectlText() ==
               "Error in configuration: context was not found for specified context: nope");
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::kubeconfig
