#include "go/x509.h"

#if defined(_WIN32)
// windows.h first: wincrypt.h builds on it.
// clang-format off
#include <windows.h>
#include <wincrypt.h>
// clang-format on
#endif

#include <filesystem>
#include <iterator>
#include <optional>
#include <system_error>

#include "go/base64.h"
#include "go/os.h"

namespace pvcwatch::go {
namespace {

// Go 1.26 src/crypto/x509/root_linux.go, in its order; macOS gets the file that its
// LibreSSL tools read (Go asks the Security framework instead, which we cannot link);
// Windows has no files (its store is read below).
#if defined(_WIN32)
const std::vector<std::string> kCertFiles = {};
const std::vector<std::string> kCertDirectories = {};
#elif defined(__APPLE__)
const char* const kCertFiles[] = {"/etc/ssl/cert.pem"};
const std::vector<std::string> kCertDirectories = {};
#else
const char* const kCertFiles[] = {
    "/etc/ssl/certs/ca-certificates.crt",                 // Debian/Ubuntu/Gentoo etc.
    "/etc/pki/tls/certs/ca-bundle.crt",                   // Fedora/RHEL 6
    "/etc/ssl/ca-bundle.pem",                             // OpenSUSE
    "/etc/pki/tls/cacert.pem",                            // OpenELEC
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",  // CentOS/RHEL 7
    "/etc/ssl/cert.pem",                                  // Alpine Linux
};
const std::vector<std::string> kCertDirectories = {
    "/etc/ssl/certs",      // SLES10/SLES11
    "/etc/pki/tls/certs",  // Fedora/RHEL
};
#endif

#if defined(_WIN32)
// Go lets Windows verify the chain against its certificate store; OpenSSL cannot ask
// Windows, so the store's roots (the current user's ROOT store, which holds the local
// machine's too) are handed to it as PEM, as curl's CURLSSLOPT_NATIVE_CA does.
void AppendWindowsRoots(std::string& pem) {
  HCERTSTORE store = ::CertOpenSystemStoreW(0, L"ROOT");
  if (store == nullptr) return;
  for (PCCERT_CONTEXT cert = nullptr;
       (cert = ::CertEnumCertificatesInStore(store, cert)) != nullptr;) {
    if (cert->dwCertEncodingType != X509_ASN_ENCODING) continue;
    const std::string base64 = EncodeBase64(
        std::string_view(reinterpret_cast<const char*>(cert->pbCertEncoded), cert->cbCertEncoded));
    pem += "-----BEGIN CERTIFICATE-----\n";
    for (std::size_t at = 0; at < base64.size(); at += 64) pem += base64.substr(at, 64) + "\n";
    pem += "-----END CERTIFICATE-----\n";
  }
  ::CertCloseStore(store, 0);
}
#endif

// Appends a file's text as os.ReadFile reads it (a directory or a dangling link fails).
bool AppendFile(const std::filesystem::path& path, std::string& out) {
  std::optional<std::string> text = ReadFile(path.string());
  if (!text) return false;
  out += *text;
  out += '\n';  // a bundle without a final newline must not glue onto the next one
  return true;
}

// Go's isSameDirSymlink: a link whose target has no '/' duplicates a file read anyway.
bool IsSameDirSymlink(const std::filesystem::directory_entry& entry) {
  std::error_code ec;
  if (!entry.is_symlink(ec)) return false;
  std::filesystem::path target = std::filesystem::read_symlink(entry.path(), ec);
  return !ec && target.string().find('/') == std::string::npos;
}

}  // namespace

RootLocations SystemRootLocations(const char* ssl_cert_file, const char* ssl_cert_dir) {
  RootLocations locations{{std::begin(kCertFiles), std::end(kCertFiles)}, kCertDirectories};
#if defined(_WIN32)
  // SSL_CERT_FILE and SSL_CERT_DIR are for "Unix systems other than macOS".
  (void)ssl_cert_file;
  (void)ssl_cert_dir;
#else
  if (ssl_cert_file != nullptr && *ssl_cert_file != '\0') locations.files = {ssl_cert_file};
  if (ssl_cert_dir != nullptr && *ssl_cert_dir != '\0') {
    // strings.Split(dir, ":"), as Go does ("OpenSSL and BoringSSL both use ':'").
    locations.directories.clear();
    std::string dirs = ssl_cert_dir;
    for (size_t start = 0;;) {
      size_t colon = dirs.find(':', start);
      locations.directories.push_back(dirs.substr(start, colon - start));
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
#endif
  return locations;
}

std::string LoadSystemRoots(const RootLocations& locations) {
  std::string pem;
#if defined(_WIN32)
  AppendWindowsRoots(pem);
#endif
  for (const std::string& file : locations.files) {
    if (AppendFile(file, pem)) break;
  }
  for (const std::string& directory : locations.directories) {
    std::error_code ec;
    std::filesystem::directory_iterator it(directory, ec);
    for (; !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
      if (!IsSameDirSymlink(*it)) AppendFile(it->path(), pem);
    }
  }
  return pem;
}

}  // namespace pvcwatch::go
