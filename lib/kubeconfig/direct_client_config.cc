#include "kubeconfig/direct_client_config.h"

#include <cctype>
#include <cstdio>
#include <optional>
#include <utility>

#include "go/strings.h"
#include "go/utf8.h"
#include "kubeconfig/errors.h"
#include "kubeconfig/read_file.h"
#include "kubeconfig/timeout.h"
#include "kubeconfig/validation.h"

namespace pvcwatch::kubeconfig {
namespace {

// rest.IsConfigTransportTLS at the point client-go calls it (only Host is set): an
// https URL with a host; a bare host:port counts as http, so no credential is sent.
bool IsTls(const std::string& host) {
  if (host.size() <= 8) return false;
  std::string scheme = host.substr(0, 8);
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return scheme == "https://" && host[8] != '/';
}

// DirectClientConfig.ClientConfig: a server URL with a path keeps the path but loses
// any query string.
std::string NormalizeHost(const std::string& host) {
  std::size_t scheme_end = host.find("://");
  if (scheme_end == std::string::npos) return host;
  std::size_t path = host.find('/', scheme_end + 3);
  std::size_t query = host.find('?', scheme_end + 3);
  if (path == std::string::npos || query == std::string::npos || query < path) return host;
  if (query - path <= 1) return host;
  return host.substr(0, query);
}

// client-go cleanANSIEscapeCodes: the install hint is shown on a terminal, so every
// control or format character except \t..\r is replaced by its U+XXXX name; invalid
// UTF-8 becomes U+FFFD, as Go's range over a string yields it.
std::string CleanInstallHint(const std::string& hint) {
  std::string clean;
  for (std::string_view rest = hint; !rest.empty();) {
    const go::Rune rune = go::DecodeRune(rest);
    const char32_t r = rune.value;
    const bool control = (r < 0x20 && (r < 0x09 || r > 0x0d)) || (r >= 0x7f && r <= 0x9f) ||
                         r == 0xad || (r >= 0x200b && r <= 0x200f) ||
                         (r >= 0x202a && r <= 0x202e) || (r >= 0x2060 && r <= 0x206f) ||
                         r == 0xfeff;
    if (control) {
      char name[16];
      std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(r));
      clean += name;
    } else if (!rune.valid) {
      go::AppendRune(clean, r);  // U+FFFD, as Go's range over a string yields it
    } else {
      clean.append(rest.substr(0, rune.size));
    }
    rest.remove_prefix(rune.size);
  }
  return clean;
}

// The legacy auth-provider plugins: gcp and azure are gone from client-go (their
// stubs return these texts); oidc still exists there but not here.
[[noreturn]] void ThrowAuthProvider(const AuthProvider& provider) {
  if (provider.name == "gcp") {
    throw Error(
        "The gcp auth plugin has been removed.\nPlease use the \"gke-gcloud-auth-plugin\" "
        "kubectl/client-go credential plugin instead.\nSee "
        "https://cloud.google.com/blog/products/containers-kubernetes/"
        "kubectl-auth-changes-in-gke for further details");
  }
  if (provider.name == "azure") {
    throw Error(
        "The azure auth plugin has been removed.\nPlease use the "
        "https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead.\n"
        "See https://kubernetes.io/docs/reference/access-authn-authz/authentication/"
        "#client-go-credential-plugins for further details");
  }
  if (provider.name == "oidc") {
    throw Error(
        "the oidc auth-provider is not supported by kubectl-pvcwatch; use an exec credential "
        "plugin such as https://github.com/int128/kubelogin instead");
  }
  throw Error("no Auth Provider found for name " + go::Quote(provider.name));
}

}  // namespace

DirectClientConfig::DirectClientConfig(const Config& config, const Overrides& overrides)
    : config_(config), overrides_(overrides) {}

std::pair<std::string, bool> DirectClientConfig::ContextName() const {
  if (!overrides_.context.empty()) return {overrides_.context, true};
  return {config_.current_context, false};
}

Context DirectClientConfig::GetContext(std::string* error) const {
  auto [name, required] = ContextName();
  Context context;
  if (auto it = config_.contexts.find(name); it != config_.contexts.end()) {
    context = it->second;
  } else if (required) {
    if (error) *error = "context " + go::Quote(name) + " does not exist";
    return Context{};
  }
  if (!overrides_.cluster.empty()) context.cluster = overrides_.cluster;
  if (!overrides_.user.empty()) context.user = overrides_.user;
  if (!overrides_.namespace_name.empty()) context.namespace_name = overrides_.namespace_name;
  return context;
}

std::pair<std::string, bool> DirectClientConfig::AuthInfoName() const {
  if (!overrides_.user.empty()) return {overrides_.user, true};
  return {GetContext(nullptr).user, false};
}

AuthInfo DirectClientConfig::GetAuthInfo(std::string* error) const {
  auto [name, required] = AuthInfoName();
  AuthInfo user;
  if (auto it = config_.auth_infos.find(name); it != config_.auth_infos.end()) {
    user = it->second;
  } else if (required) {
    if (error) *error = "auth info " + go::Quote(name) + " does not exist";
    return AuthInfo{};
  }
  const Overrides& o = overrides_;
  if (!o.client_certificate.empty()) user.client_certificate = o.client_certificate;
  if (!o.client_key.empty()) user.client_key = o.client_key;
  if (!o.token.empty()) user.token = o.token;
  if (!o.impersonate.empty()) user.impersonate = o.impersonate;
  if (!o.impersonate_groups.empty()) user.impersonate_groups = o.impersonate_groups;
  if (!o.username.empty()) user.username = o.username;
  if (!o.password.empty()) user.password = o.password;
  // A --client-key or --client-certificate replaces the file's pair member whole,
  // so the file's *-data cannot conflict with the flag.
  if (!o.client_key.empty()) user.client_key_data.clear();
  if (!o.client_certificate.empty()) user.client_certificate_data.clear();
  return user;
}

std::pair<std::string, bool> DirectClientConfig::ClusterName() const {
  if (!overrides_.cluster.empty()) return {overrides_.cluster, true};
  return {GetContext(nullptr).cluster, false};
}

Cluster DirectClientConfig::GetCluster(std::string* error, bool* empty) const {
  auto [name, required] = ClusterName();
  const Overrides& o = overrides_;
  Cluster cluster;
  cluster.server = o.default_server;  // ClusterDefaults
  if (auto it = config_.clusters.find(name); it != config_.clusters.end()) {
    // mergo with override: only non-zero fields of the file's cluster win.
    const Cluster& file = it->second;
    if (!file.server.empty()) cluster.server = file.server;
    cluster.tls_server_name = file.tls_server_name;
    cluster.insecure_skip_tls_verify = file.insecure_skip_tls_verify;
    cluster.certificate_authority = file.certificate_authority;
    cluster.certificate_authority_data = file.certificate_authority_data;
    cluster.proxy_url = file.proxy_url;
    cluster.disable_compression = file.disable_compression;
    cluster.exec_extension = file.exec_extension;
    cluster.location_of_origin = file.location_of_origin;
  } else if (required) {
    if (error) *error = "cluster " + go::Quote(name) + " does not exist";
    if (empty) *empty = false;  // client-go's Cluster{} is not equal to NewCluster()
    return Cluster{};
  }
  if (!o.server.empty()) cluster.server = o.server;
  if (!o.tls_server_name.empty()) cluster.tls_server_name = o.tls_server_name;
  if (!o.certificate_authority.empty()) cluster.certificate_authority = o.certificate_authority;
  const bool insecure = o.insecure_skip_tls_verify.value_or(false);
  if (insecure) cluster.insecure_skip_tls_verify = true;
  // --insecure-skip-tls-verify or --certificate-authority replace the file's trust
  // settings whole; --server drops the file's tls-server-name unless one is given.
  if (insecure || !o.certificate_authority.empty()) {
    cluster.insecure_skip_tls_verify = insecure;
    cluster.certificate_authority = o.certificate_authority;
    cluster.certificate_authority_data.clear();
  }
  if (!o.tls_server_name.empty() || !o.server.empty()) {
    cluster.tls_server_name = o.tls_server_name;
  }
  if (empty) {
    *empty = cluster.server.empty() && cluster.tls_server_name.empty() &&
             !cluster.insecure_skip_tls_verify && cluster.certificate_authority.empty() &&
             cluster.certificate_authority_data.empty() && cluster.proxy_url.empty() &&
             !cluster.disable_compression && cluster.exec_extension.empty() &&
             cluster.location_of_origin.empty();
  }
  return cluster;
}

void DirectClientConfig::ConfirmUsable() const {
  std::vector<std::string> errors;
  const std::string context_name =
      overrides_.context.empty() ? config_.current_context : overrides_.context;
  if (!context_name.empty() && config_.contexts.count(context_name) == 0) {
    errors.push_back("context was not found for specified context: " + context_name);
  }
  for (std::string& e : ValidateAuthInfo(AuthInfoName().first, GetAuthInfo(nullptr))) {
    errors.push_back(std::move(e));
  }
  bool empty = false;
  Cluster cluster = GetCluster(nullptr, &empty);
  for (std::string& e : ValidateClusterInfo(ClusterName().first, cluster, empty)) {
    errors.push_back(std::move(e));
  }
  // A lone empty cluster is reported as "no configuration has been provided".
  if (errors.size() == 1 && errors.front() == kErrEmptyCluster) throw Error::EmptyConfig();
  if (!errors.empty()) throw Error::ConfigurationInvalid(std::move(errors));
}

std::pair<std::string, bool> DirectClientConfig::Namespace() const {
  // An explicit -n wins even over an unusable kubeconfig (in-cluster clients rely on it).
  if (!overrides_.namespace_name.empty()) return {overrides_.namespace_name, true};
  ConfirmUsable();
  std::string error;
  Context context = GetContext(&error);
  if (!error.empty()) throw Error(error);
  return {context.namespace_name.empty() ? "default" : context.namespace_name, false};
}

rest::Config DirectClientConfig::RestConfig() const {
  // The named lookups fail first, so a mistyped --user/--context/--cluster is
  // reported as such rather than as a validation error.
  std::string error;
  AuthInfo user = GetAuthInfo(&error);
  if (error.empty()) GetContext(&error);
  bool empty = false;
  Cluster cluster;
  if (error.empty()) cluster = GetCluster(&error, &empty);
  if (!error.empty()) throw Error(error);
  ConfirmUsable();

  rest::Config rc;
  rc.host = cluster.server;
  if (!cluster.proxy_url.empty()) {
    if (std::optional<std::string> proxy_error = ProxyUrlError(cluster.proxy_url)) {
      throw Error(*proxy_error);
    }
    rc.proxy_url = cluster.proxy_url;
  }
  if (!overrides_.request_timeout.empty()) rc.timeout = ParseTimeout(overrides_.request_timeout);
  rc.host = NormalizeHost(rc.host);
  if (!user.impersonate.empty()) {
    if (!user.impersonate_uid.empty() || !user.impersonate_user_extra.empty()) {
      throw Error("impersonating a uid or user-extra (as-uid, as-user-extra of user " +
                  go::Quote(AuthInfoName().first) + ") is not supported by kubectl-pvcwatch");
    }
    rc.impersonate_user = user.impersonate;
    rc.impersonate_groups = user.impersonate_groups;
  }
  if (!IsTls(rc.host)) return rc;  // credentials never go out over plain http

  // getUserIdentificationPartialConfig
  if (!user.token.empty()) {
    rc.bearer_token = user.token;
    rc.bearer_token_file = user.token_file;
  } else if (!user.token_file.empty()) {
    // client-go's transport re-reads this file and trims it; keep the path too.
    rc.bearer_token = go::TrimSpace(ReadFileOrThrow(user.token_file));
    rc.bearer_token_file = user.token_file;
  }
  if (!user.client_certificate.empty() || !user.client_certificate_data.empty()) {
    rc.cert_file = user.client_certificate;
    rc.cert_data = user.client_certificate_data;
    rc.key_file = user.client_key;
    rc.key_data = user.client_key_data;
  }
  if (!user.username.empty() || !user.password.empty()) {
    rc.username = user.username;
    rc.password = user.password;
  }
  // getServerIdentificationPartialConfig
  rc.ca_file = cluster.certificate_authority;
  rc.ca_data = cluster.certificate_authority_data;
  rc.insecure = cluster.insecure_skip_tls_verify;
  rc.tls_server_name = cluster.tls_server_name;

  if (user.auth_provider) ThrowAuthProvider(*user.auth_provider);
  // exec.Authenticator.UpdateTransportConfig: an explicit token, basic auth or client
  // certificate is used as given and the plugin is never run.
  const bool has_cert = (!rc.cert_data.empty() || !rc.cert_file.empty()) &&
                        (!rc.key_data.empty() || !rc.key_file.empty());
  const bool has_other_auth = !rc.bearer_token.empty() || !rc.bearer_token_file.empty() ||
                              !rc.username.empty() || !rc.password.empty() || has_cert;
  if (user.exec && !has_other_auth) {
    rc.exec = *user.exec;
    rc.exec->install_hint = CleanInstallHint(rc.exec->install_hint);
    if (rc.exec->provide_cluster_info) {
      rc.cluster_ca_data_for_exec = !rc.ca_data.empty()  ? rc.ca_data
                                    : rc.ca_file.empty() ? ""
                                                         : ReadFileOrThrow(rc.ca_file);
      rc.cluster_config_for_exec = cluster.exec_extension;
    }
  }
  // transport.TLSConfigFor refuses this pair before any connection is made.
  if ((!rc.ca_data.empty() || !rc.ca_file.empty()) && rc.insecure) {
    throw Error("specifying a root certificates file with the insecure flag is not allowed");
  }
  return rc;
}

}  // namespace pvcwatch::kubeconfig
