#pragma once

#include <string>

#include "kubeconfig/overrides.h"
#include "rest/config.h"

namespace pvcwatch::kubeconfig {

/// Where a pod has its service account mounted (client-go's fixed path; tests pass their
/// own directory).
inline constexpr char kServiceAccountDir[] = "/var/run/secrets/kubernetes.io/serviceaccount";

/// client-go inClusterClientConfig.Possible(): KUBERNETES_SERVICE_HOST and
/// KUBERNETES_SERVICE_PORT are set and the token file exists and is not a directory.
bool InClusterPossible(const std::string& service_account_dir = kServiceAccountDir);

/// client-go rest.InClusterConfig() plus the three overrides kubectl honours in a pod
/// (--server, --token, --certificate-authority). host is https://HOST:PORT (IPv6 in
/// brackets); the token is read now and its path kept in bearer_token_file so that a
/// rotated token is picked up; ca_file is set only if ca.crt holds a certificate.
/// Throws Error when the environment is missing or the token cannot be read.
rest::Config InClusterConfig(const Overrides& overrides,
                             const std::string& service_account_dir = kServiceAccountDir);

/// client-go inClusterClientConfig.Namespace(): $POD_NAMESPACE, else the trimmed
/// namespace file of the service account, else "default".
std::string InClusterNamespace(const std::string& service_account_dir = kServiceAccountDir);

}  // namespace pvcwatch::kubeconfig
