#pragma once

#include <string>

#include "kubeconfig/config.h"
#include "kubeconfig/in_cluster.h"
#include "kubeconfig/overrides.h"
#include "rest/config.h"

namespace pvcwatch::kubeconfig {

/// A kubeconfig resolved for one command: where to connect, as whom, in which namespace.
struct ClientConfig {
  rest::Config rest;
  std::string namespace_name;
  /// True when the namespace came from -n/--namespace.
  bool namespace_overridden = false;
  /// The context used ("" when none, or in-cluster).
  std::string context_name;
  /// True when the pod's service account was used instead of a kubeconfig.
  bool in_cluster = false;
};

/// kubectl's ClusterDefaults server: $KUBERNETES_MASTER if set, else
/// http://localhost:8080. Put it in Overrides::default_server to behave as kubectl.
std::string KubectlDefaultServer();

/// client-go DirectClientConfig, in the order kubectl calls it: Namespace() (-n, else
/// the context's namespace, else "default"), then ClientConfig(): context, cluster and
/// user chosen by name and overridden field by field, validated with client-go's
/// messages, credentials attached only for an https server.
/// Throws Error: `context "x" does not exist`, `cluster "x" does not exist`,
/// `auth info "x" does not exist`, Error::ConfigurationInvalid(...) from validation,
/// the timeout message, unreadable tokenFile, unsupported auth-provider.
ClientConfig Resolve(const Config& config, const Overrides& overrides);

/// What kubectl does (client-go DeferredLoadingClientConfig): Resolve(), but when the
/// kubeconfig yields nothing beyond the defaults (empty configuration, or exactly
/// Overrides::default_server and nothing else) and InClusterPossible(), the pod's
/// service account is used; the namespace then falls back to the pod's too.
ClientConfig ResolveOrInCluster(const Config& config, const Overrides& overrides,
                                const std::string& service_account_dir = kServiceAccountDir);

}  // namespace pvcwatch::kubeconfig
