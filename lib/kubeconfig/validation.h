#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kubeconfig/config.h"

namespace pvcwatch::kubeconfig {

/// client-go ErrEmptyCluster; ValidateClusterInfo returns it alone for an empty cluster.
inline constexpr char kErrEmptyCluster[] = "cluster has no server defined";

/// client-go validateClusterInfo: the problems of the merged cluster `name`, in
/// client-go's order and words. `empty` says the cluster equals a fresh one (nothing
/// from a file, no defaults, no overrides); then the result is {kErrEmptyCluster}.
/// Opens certificate-authority to check that it is readable.
std::vector<std::string> ValidateClusterInfo(const std::string& name, const Cluster& cluster,
                                             bool empty);

/// client-go validateAuthInfo: conflicting or incomplete credentials of user `name`
/// ("more than one authentication method found for ..."). Opens the certificate and
/// key files to check that they are readable.
std::vector<std::string> ValidateAuthInfo(const std::string& name, const AuthInfo& user);

/// client-go parseProxyURL: nullopt when `proxy_url` is acceptable, else the reason
/// ("unsupported scheme \"ftp\", must be http, https, or socks5").
std::optional<std::string> ProxyUrlError(const std::string& proxy_url);

}  // namespace pvcwatch::kubeconfig
