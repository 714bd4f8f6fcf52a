#pragma once

// Go's crypto/x509 system roots: where they are found, for servers whose kubeconfig names
// no certificate authority (client-go then uses the system roots).

#include <string>
#include <vector>

namespace pvcwatch::go {

/// Where the system's roots are: candidate bundle files (the first readable one is used)
/// and directories (every one is used).
struct RootLocations {
  std::vector<std::string> files;
  std::vector<std::string> directories;
};

/// The locations for this OS: Go's Linux lists (Debian, Fedora/RHEL, openSUSE, OpenELEC,
/// CentOS/RHEL 7, Alpine), or /etc/ssl/cert.pem on macOS. A non-empty `ssl_cert_file`
/// replaces the files, a non-empty `ssl_cert_dir` (':'-separated) the directories, as
/// SSL_CERT_FILE and SSL_CERT_DIR do for Go; null or "" leaves the lists as they are.
RootLocations SystemRootLocations(const char* ssl_cert_file, const char* ssl_cert_dir);

/// The PEM text at `locations`: the first readable file, then every file of each
/// directory (skipping symlinks to a name in the same directory, such as OpenSSL's hash
/// links). Unreadable entries are passed over; "" when nothing was read.
std::string LoadSystemRoots(const RootLocations& locations);

}  // namespace pvcwatch::go
