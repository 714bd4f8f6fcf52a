#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pvcwatch::kubeconfig {

/// The connection flags, as cli-runtime ConfigFlags binds them into client-go
/// ConfigOverrides. An empty string means "flag not given" (kubectl cannot tell apart
/// an unset flag and an empty one either). Paths are used as given (relative to the
/// working directory), never resolved against a kubeconfig file.
struct Overrides {
  std::string context;                // --context
  std::string cluster;                // --cluster
  std::string user;                   // --user
  std::string namespace_name;         // -n/--namespace
  std::string server;                 // -s/--server
  std::string tls_server_name;        // --tls-server-name
  std::string certificate_authority;  // --certificate-authority
  std::string client_certificate;     // --client-certificate
  std::string client_key;             // --client-key
  std::string token;                  // --token
  std::string username;               // --username
  std::string password;               // --password
  /// --insecure-skip-tls-verify; only `true` changes anything, as in kubectl.
  std::optional<bool> insecure_skip_tls_verify;
  std::string impersonate;                      // --as
  std::vector<std::string> impersonate_groups;  // --as-group (repeatable)
  /// --request-timeout: "0", "30" (seconds), "1s", "2m", "1h30m". kubectl's default is "0".
  std::string request_timeout;
  /// ConfigOverrides.ClusterDefaults.Server: the server used when the kubeconfig names
  /// none. kubectl sets it to KubectlDefaultServer() (client_config.h); "" disables it,
  /// which turns "no kubeconfig" into the "no configuration has been provided" error.
  std::string default_server;
};

}  // namespace pvcwatch::kubeconfig
