#pragma once

#include <string>
#include <utility>

#include "kubeconfig/config.h"
#include "kubeconfig/overrides.h"
#include "rest/config.h"

namespace pvcwatch::kubeconfig {

/// client-go DirectClientConfig over one merged Config: the building block of Resolve()
/// and ResolveOrInCluster() (client_config.h). Each method mirrors the Go method of the
/// same name, including which lookups are "required" (named by a flag) and so fail,
/// and which fall back to empty entries. Keeps references: both arguments must outlive it.
class DirectClientConfig {
 public:
  DirectClientConfig(const Config& config, const Overrides& overrides);

  /// The context to use and whether --context named it.
  std::pair<std::string, bool> ContextName() const;
  /// The context with --cluster/--user/-n applied; sets `error` (if given) to
  /// `context "x" does not exist` when --context names a missing one.
  Context GetContext(std::string* error) const;
  std::pair<std::string, bool> AuthInfoName() const;
  /// The user with the credential flags applied; `auth info "x" does not exist`.
  AuthInfo GetAuthInfo(std::string* error) const;
  std::pair<std::string, bool> ClusterName() const;
  /// The cluster over the default server, with the cluster flags applied;
  /// `cluster "x" does not exist`. `empty` tells client-go's "equals NewCluster()".
  Cluster GetCluster(std::string* error, bool* empty) const;
  /// Validates the chosen context, user and cluster. Throws Error::EmptyConfig() or
  /// Error::ConfigurationInvalid(...).
  void ConfirmUsable() const;
  /// -n, else the context's namespace, else "default"; and whether -n gave it.
  std::pair<std::string, bool> Namespace() const;
  /// The connection settings (client-go ClientConfig()). Throws Error.
  rest::Config RestConfig() const;

 private:
  const Config& config_;
  const Overrides& overrides_;
};

}  // namespace pvcwatch::kubeconfig
