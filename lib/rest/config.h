#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pvcwatch::rest {

/// An exec credential plugin as a kubeconfig user declares it (client-go api.ExecConfig).
struct ExecConfig {
  std::string command;
  std::vector<std::string> args;
  std::vector<std::pair<std::string, std::string>> env;
  std::string api_version;  // client.authentication.k8s.io/v1 or v1beta1
  std::string install_hint;
  bool provide_cluster_info = false;
  std::string interactive_mode;  // Never, IfAvailable, Always ("" = IfAvailable for v1beta1)
};

/// Everything needed to reach one API server as one user; mirrors client-go's rest.Config.
/// `*_data` fields hold PEM text in memory; `*_file` fields are paths already resolved.
struct Config {
  std::string host;  // https://host:port, optionally with a path prefix
  std::string tls_server_name;
  bool insecure = false;
  std::string ca_data;
  std::string ca_file;
  std::string cert_data;
  std::string cert_file;
  std::string key_data;
  std::string key_file;

  std::string bearer_token;
  std::string bearer_token_file;  // re-read when it changes (service accounts rotate it)
  std::string username;
  std::string password;
  std::string impersonate_user;
  std::vector<std::string> impersonate_groups;
  std::optional<ExecConfig> exec;
  /// Cluster data handed to an exec plugin with provideClusterInfo (KUBERNETES_EXEC_INFO).
  std::string cluster_ca_data_for_exec;
  /// The cluster's `client.authentication.k8s.io/exec` extension as compact JSON, handed to
  /// the plugin as spec.cluster.config; "" sends null.
  std::string cluster_config_for_exec;

  std::string proxy_url;  // http:// only; else HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply
  std::chrono::milliseconds timeout{0};  // --request-timeout; 0 means none
};

}  // namespace pvcwatch::rest
