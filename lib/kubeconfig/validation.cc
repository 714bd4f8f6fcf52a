#include "kubeconfig/validation.h"

#include <cctype>

#include "go/os.h"
#include "kubeconfig/errors.h"

namespace pvcwatch::kubeconfig {
namespace {

// Go's os.Open error text, or nullopt when the file opens (directories open too).
std::optional<std::string> OpenError(const std::string& path) {
  std::string error;
  if (!go::File::Open(path, &error)) return error;
  return std::nullopt;
}

// Go's url.Parse, reduced to what decides the outcome of parseProxyURL: the scheme
// (getScheme, lower-cased) and the few parse errors a proxy URL can realistically hit.
bool ParseScheme(const std::string& url, std::string& scheme) {
  for (unsigned char c : url) {
    if (c < 0x20 || c == 0x7f) return false;  // "invalid control character in URL"
  }
  scheme.clear();
  std::size_t rest = 0;
  for (std::size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    if (std::isalpha(static_cast<unsigned char>(c))) continue;
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.') {
      if (i == 0) break;
      continue;
    }
    if (c == ':') {
      if (i == 0) return false;  // "missing protocol scheme"
      scheme = url.substr(0, i);
      rest = i + 1;
    }
    break;
  }
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string remainder = url.substr(rest);
  if (scheme.empty() && !remainder.empty() && remainder.front() != '/') {
    std::size_t colon = remainder.find(':');
    if (colon != std::string::npos && colon < remainder.find('/')) {
      return false;  // "first path segment in URL cannot contain colon"
    }
  }
  for (std::size_t i = 0; i < remainder.size(); ++i) {
    if (remainder[i] != '%') continue;
    if (i + 2 >= remainder.size() || !std::isxdigit(static_cast<unsigned char>(remainder[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(remainder[i + 2]))) {
      return false;  // "invalid URL escape"
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> ProxyUrlError(const std::string& proxy_url) {
  std::string scheme;
  if (!ParseScheme(proxy_url, scheme)) return "could not parse: " + proxy_url;
  if (scheme == "http" || scheme == "https" || scheme == "socks5") return std::nullopt;
  return "unsupported scheme " + go::Quote(scheme) + ", must be http, https, or socks5";
}

std::vector<std::string> ValidateClusterInfo(const std::string& name, const Cluster& cluster,
                                             bool empty) {
  if (empty) return {kErrEmptyCluster};
  std::vector<std::string> errors;
  if (cluster.server.empty()) {
    errors.push_back(name.empty() ? "default cluster has no server defined"
                                  : "no server found for cluster " + go::Quote(name));
  }
  if (!cluster.proxy_url.empty()) {
    if (std::optional<std::string> error = ProxyUrlError(cluster.proxy_url)) {
      errors.push_back("invalid 'proxy-url' " + go::Quote(cluster.proxy_url) + " for cluster " +
                       go::Quote(name) + ": " + *error);
    }
  }
  if (!cluster.certificate_authority.empty() && !cluster.certificate_authority_data.empty()) {
    errors.push_back(
        "certificate-authority-data and certificate-authority are both specified for " + name +
        ". certificate-authority-data will override.");
  }
  if (!cluster.certificate_authority.empty()) {
    if (std::optional<std::string> error = OpenError(cluster.certificate_authority)) {
      errors.push_back("unable to read certificate-authority " + cluster.certificate_authority +
                       " for " + name + " due to " + *error);
    }
  }
  return errors;
}

std::vector<std::string> ValidateAuthInfo(const std::string& name, const AuthInfo& user) {
  std::vector<std::string> errors;
  std::vector<std::string> methods;
  if (!user.token.empty()) methods.push_back("token");
  if (!user.username.empty() || !user.password.empty()) methods.push_back("basicAuth");

  if (!user.client_certificate.empty() || !user.client_certificate_data.empty()) {
    if (!user.client_certificate.empty() && !user.client_certificate_data.empty()) {
      errors.push_back("client-cert-data and client-cert are both specified for " + name +
                       ". client-cert-data will override.");
    }
    if (!user.client_key.empty() && !user.client_key_data.empty()) {
      errors.push_back("client-key-data and client-key are both specified for " + name +
                       "; client-key-data will override");
    }
    if (user.client_key.empty() && user.client_key_data.empty()) {
      errors.push_back("client-key-data or client-key must be specified for " + name +
                       " to use the clientCert authentication method.");
    }
    if (!user.client_certificate.empty()) {
      if (std::optional<std::string> error = OpenError(user.client_certificate)) {
        errors.push_back("unable to read client-cert " + user.client_certificate + " for " + name +
                         " due to " + *error);
      }
    }
    if (!user.client_key.empty()) {
      if (std::optional<std::string> error = OpenError(user.client_key)) {
        errors.push_back("unable to read client-key " + user.client_key + " for " + name +
                         " due to " + *error);
      }
    }
  }

  if (user.exec) {
    const rest::ExecConfig& exec = *user.exec;
    if (user.auth_provider) {
      errors.push_back("authProvider cannot be provided in combination with an exec plugin for " +
                       name);
    }
    if (exec.command.empty()) {
      errors.push_back("command must be specified for " + name +
                       " to use exec authentication plugin");
    }
    if (exec.api_version.empty()) {
      errors.push_back("apiVersion must be specified for " + name +
                       " to use exec authentication plugin");
    }
    for (const auto& [env_name, value] : exec.env) {
      if (env_name.empty()) {
        errors.push_back("env variable name must be specified for " + name +
                         " to use exec authentication plugin");
      }
    }
    if (exec.interactive_mode.empty()) {
      errors.push_back("interactiveMode must be specified for " + name +
                       " to use exec authentication plugin");
    } else if (exec.interactive_mode != "Never" && exec.interactive_mode != "IfAvailable" &&
               exec.interactive_mode != "Always") {
      errors.push_back("invalid interactiveMode for " + name + ": " +
                       go::Quote(exec.interactive_mode));
    }
  }

  if (methods.size() > 1) {
    // Go prints a []string with %v as "[token basicAuth]".
    std::string found = "[";
    for (std::size_t i = 0; i < methods.size(); ++i) found += (i ? " " : "") + methods[i];
    errors.push_back("more than one authentication method found for " + name + "; found " + found +
                     "], only one is allowed");
  }
  if ((!user.impersonate_uid.empty() || !user.impersonate_groups.empty() ||
       !user.impersonate_user_extra.empty()) &&
      user.impersonate.empty()) {
    errors.push_back("requesting uid, groups or user-extra for " + name +
                     " without impersonating a user");
  }
  return errors;
}

}  // namespace pvcwatch::kubeconfig
