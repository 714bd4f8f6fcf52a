#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rest/config.h"

namespace pvcwatch::kubeconfig {

// The parsed kubeconfig model (client-go tools/clientcmd/api Config). Names follow the
// kubeconfig v1 keys; `*_data` fields hold the decoded bytes (PEM text), not base64.
// Relative paths are already resolved against the directory of location_of_origin.
// Of `extensions` only the cluster's exec extension is kept; `preferences` are not.

/// A named cluster: where the API server is and how to trust it.
struct Cluster {
  std::string server;
  std::string tls_server_name;
  bool insecure_skip_tls_verify = false;
  std::string certificate_authority;
  std::string certificate_authority_data;
  std::string proxy_url;
  bool disable_compression = false;
  /// extensions["client.authentication.k8s.io/exec"] as JSON text ("" when absent): an
  /// exec plugin with provideClusterInfo gets it as spec.cluster.config.
  std::string exec_extension;
  /// The kubeconfig file this entry came from ("" when built in code).
  std::string location_of_origin;
};

/// A legacy auth-provider stanza (gcp, azure, oidc).
struct AuthProvider {
  std::string name;
  std::map<std::string, std::string> config;
};

/// A named user (client-go AuthInfo): how to authenticate and whom to impersonate.
struct AuthInfo {
  std::string client_certificate;
  std::string client_certificate_data;
  std::string client_key;
  std::string client_key_data;
  std::string token;
  std::string token_file;
  std::string impersonate;                                                 // as
  std::string impersonate_uid;                                             // as-uid
  std::vector<std::string> impersonate_groups;                             // as-groups
  std::map<std::string, std::vector<std::string>> impersonate_user_extra;  // as-user-extra
  std::string username;
  std::string password;
  std::optional<AuthProvider> auth_provider;
  /// interactive_mode is already defaulted to IfAvailable for v1beta1, as client-go does.
  std::optional<rest::ExecConfig> exec;
  std::string location_of_origin;
};

/// A named context: a cluster, a user and a default namespace.
struct Context {
  std::string cluster;
  std::string user;
  std::string namespace_name;
  std::string location_of_origin;
};

/// One kubeconfig file, or several merged (see loader.h).
struct Config {
  std::map<std::string, Cluster> clusters;
  std::map<std::string, AuthInfo> auth_infos;
  std::map<std::string, Context> contexts;
  std::string current_context;
  /// KUBECONFIG entries that did not exist; kubectl mentions them only at -v=1
  /// ("Config not found: a, b") and only when no file at all was found.
  std::vector<std::string> missing_files;
};

}  // namespace pvcwatch::kubeconfig
