#include "kubeconfig/in_cluster.h"

#include <cstdlib>
#include <optional>

#include "go/net.h"
#include "go/os.h"
#include "go/strings.h"
#include "kubeconfig/errors.h"
#include "kubeconfig/read_file.h"

namespace pvcwatch::kubeconfig {
namespace {}  // namespace

bool InClusterPossible(const std::string& service_account_dir) {
  if (go::Getenv("KUBERNETES_SERVICE_HOST").empty() ||
      go::Getenv("KUBERNETES_SERVICE_PORT").empty()) {
    return false;
  }
  const std::optional<go::FileInfo> token = go::Stat(service_account_dir + "/token");
  return token && !token->is_dir;
}

rest::Config InClusterConfig(const Overrides& overrides, const std::string& service_account_dir) {
  const std::string host = go::Getenv("KUBERNETES_SERVICE_HOST");
  const std::string port = go::Getenv("KUBERNETES_SERVICE_PORT");
  if (host.empty() || port.empty()) {
    // client-go rest.ErrNotInCluster.
    throw Error(
        "unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and "
        "KUBERNETES_SERVICE_PORT must be defined");
  }
  const std::string& dir = service_account_dir;
  rest::Config config;
  config.host = "https://" + go::JoinHostPort(host, port);

  const std::string token_file = dir + "/token";
  // client-go keeps both: the token read now and the file, which its transport
  // re-reads (trimmed) so that projected, rotating tokens keep working.
  config.bearer_token = go::TrimSpace(ReadFileOrThrow(token_file));
  config.bearer_token_file = token_file;

  // client-go only logs a CA it cannot load and falls back to the system roots.
  const std::string ca_file = dir + "/ca.crt";
  std::optional<std::string> ca = go::ReadFile(ca_file, nullptr);
  if (ca && ca->find("-----BEGIN CERTIFICATE-----") != std::string::npos) {
    config.ca_file = ca_file;
  }

  // inClusterClientConfig.ClientConfig: only a host, a token or a CA file override the
  // pod's own settings; every other flag is ignored in-cluster.
  if (!overrides.server.empty()) config.host = overrides.server;
  if (!overrides.token.empty()) {
    config.bearer_token = overrides.token;
    config.bearer_token_file.clear();
  }
  if (!overrides.certificate_authority.empty()) {
    config.ca_file = overrides.certificate_authority;
  }
  return config;
}

std::string InClusterNamespace(const std::string& service_account_dir) {
  // The downward-API variable first, for compatibility with how client-go began.
  if (std::string ns = go::Getenv("POD_NAMESPACE"); !ns.empty()) return ns;
  if (std::optional<std::string> data = go::ReadFile(service_account_dir + "/namespace", nullptr)) {
    if (std::string ns(go::TrimSpace(*data)); !ns.empty()) return ns;
  }
  return "default";
}

}  // namespace pvcwatch::kubeconfig
