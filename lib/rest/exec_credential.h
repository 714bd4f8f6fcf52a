#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace pvcwatch::rest {

/// A credential an exec plugin printed (client.authentication.k8s.io ExecCredential
/// status): a bearer token, a client certificate and key (PEM), or both.
struct ExecCredential {
  std::string token;
  std::string client_certificate_data;
  std::string client_key_data;
  /// When the plugin must run again; nullopt means "until a 401".
  std::optional<std::chrono::system_clock::time_point> expiration;
};

/// The cluster as a plugin with provideClusterInfo sees it (ExecCredentialSpec.cluster).
struct ExecClusterInfo {
  std::string server;
  std::string tls_server_name;
  bool insecure_skip_tls_verify = false;
  std::string certificate_authority_data;  // PEM, sent base64-encoded
  std::string proxy_url;
  std::string config_json;  // the cluster's client.authentication.k8s.io/exec extension; "" = null
};

/// An exec plugin could not give a credential; the message is client-go's, without the
/// "getting credentials: " that the client adds.
class ExecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The KUBERNETES_EXEC_INFO value for one run, byte for byte as client-go encodes it
/// (json.Encoder: HTML-safe escapes, a trailing newline). `cluster` may be null.
std::string ExecInfo(const std::string& api_version, bool interactive,
                     const ExecClusterInfo* cluster);

/// Decodes a plugin's stdout as client-go's exec authenticator does (JSON, or YAML that
/// is not a JSON object) and checks it. Throws ExecError with client-go's words.
ExecCredential ParseExecCredential(std::string_view output, const std::string& api_version);

}  // namespace pvcwatch::rest
