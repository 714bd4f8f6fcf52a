#include "kubeconfig/client_config.h"

#include <cstdlib>
#include <optional>
#include <tuple>
#include <utility>

#include "go/os.h"
#include "kubeconfig/direct_client_config.h"
#include "kubeconfig/errors.h"
#include "kubeconfig/in_cluster.h"

namespace pvcwatch::kubeconfig {
namespace {

bool SameExec(const std::optional<rest::ExecConfig>& a, const std::optional<rest::ExecConfig>& b) {
  if (!a || !b) return a.has_value() == b.has_value();
  return std::tie(a->command, a->args, a->env, a->api_version, a->install_hint,
                  a->provide_cluster_info, a->interactive_mode) ==
         std::tie(b->command, b->args, b->env, b->api_version, b->install_hint,
                  b->provide_cluster_info, b->interactive_mode);
}

bool SameRestConfig(const rest::Config& a, const rest::Config& b) {
  return std::tie(a.host, a.tls_server_name, a.insecure, a.ca_data, a.ca_file, a.cert_data,
                  a.cert_file, a.key_data, a.key_file, a.bearer_token, a.bearer_token_file,
                  a.username, a.password, a.impersonate_user, a.impersonate_groups,
                  a.cluster_ca_data_for_exec, a.proxy_url, a.timeout) ==
             std::tie(b.host, b.tls_server_name, b.insecure, b.ca_data, b.ca_file, b.cert_data,
                      b.cert_file, b.key_data, b.key_file, b.bearer_token, b.bearer_token_file,
                      b.username, b.password, b.impersonate_user, b.impersonate_groups,
                      b.cluster_ca_data_for_exec, b.proxy_url, b.timeout) &&
         SameExec(a.exec, b.exec);
}

// ClientConfigLoadingRules.IsDefaultConfig with kubectl's DefaultClientConfig: the
// rest config an empty kubeconfig gives with only the ClusterDefaults server.
bool IsDefaultConfig(const rest::Config& rc, const Overrides& overrides) {
  if (overrides.default_server.empty()) return false;
  Config empty;
  Overrides defaults;
  defaults.default_server = overrides.default_server;
  try {
    return SameRestConfig(rc, DirectClientConfig(empty, defaults).RestConfig());
  } catch (const Error&) {
    return false;
  }
}

}  // namespace

std::string KubectlDefaultServer() {
  const std::string master = go::LookupEnv("KUBERNETES_MASTER").value_or("");
  return master.empty() ? "http://localhost:8080" : master;
}

ClientConfig Resolve(const Config& config, const Overrides& overrides) {
  DirectClientConfig direct(config, overrides);
  ClientConfig result;
  std::tie(result.namespace_name, result.namespace_overridden) = direct.Namespace();
  result.rest = direct.RestConfig();
  result.context_name = direct.ContextName().first;
  return result;
}

ClientConfig ResolveOrInCluster(const Config& config, const Overrides& overrides,
                                const std::string& service_account_dir) {
  DirectClientConfig direct(config, overrides);
  ClientConfig result;
  const bool possible = InClusterPossible(service_account_dir);

  // DeferredLoadingClientConfig.Namespace
  std::optional<Error> namespace_error;
  try {
    std::tie(result.namespace_name, result.namespace_overridden) = direct.Namespace();
  } catch (const Error& e) {
    if (!e.empty_config()) throw;
    namespace_error = e;
  }
  if (result.namespace_overridden || !possible) {
    if (namespace_error) throw *namespace_error;
  } else if (result.namespace_name.empty() || result.namespace_name == "default") {
    // A "default" that the context states explicitly is kept; an implied one yields
    // to the pod's namespace.
    const std::string context_name =
        overrides.context.empty() ? config.current_context : overrides.context;
    auto it = config.contexts.find(context_name);
    const bool explicit_default = !result.namespace_name.empty() && it != config.contexts.end() &&
                                  !it->second.namespace_name.empty();
    if (!explicit_default) result.namespace_name = InClusterNamespace(service_account_dir);
  }

  // DeferredLoadingClientConfig.ClientConfig
  std::optional<rest::Config> merged;
  std::optional<Error> error;
  try {
    merged = direct.RestConfig();
  } catch (const Error& e) {
    if (!e.empty_config()) throw;
    error = e;
  }
  if (merged && !IsDefaultConfig(*merged, overrides)) {
    result.rest = std::move(*merged);
    result.context_name = direct.ContextName().first;
    return result;
  }
  if (possible) {
    result.rest = InClusterConfig(overrides, service_account_dir);
    result.in_cluster = true;
    return result;
  }
  if (error) throw *error;
  result.rest = std::move(*merged);
  result.context_name = direct.ContextName().first;
  return result;
}

}  // namespace pvcwatch::kubeconfig
