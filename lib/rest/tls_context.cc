#include "rest/tls_context.h"

#include <Poco/Delegate.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/VerificationErrorArgs.h>
#if defined(_WIN32)
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#endif
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <vector>

#include "go/os.h"
#include "go/x509.h"
#include "rest/errors.h"

namespace pvcwatch::rest {
namespace {

// What the last failed verification on this thread was about. A host name mismatch
// keeps the certificate's names, since Go's message lists them.
struct VerificationFailure {
  std::string message;  // complete, unless `hostname_mismatch`
  bool hostname_mismatch = false;
  bool has_san = false;
  std::string common_name;
  std::vector<std::string> dns_names;
  std::vector<std::string> ip_addresses;
};
thread_local VerificationFailure last_failure;

// Go's crypto/x509 words for the failures users meet; OpenSSL's text otherwise.
std::string DescribeVerifyError(int code, const std::string& openssl_text) {
  switch (code) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
      return "x509: certificate signed by unknown authority";
    case X509_V_ERR_CERT_HAS_EXPIRED:
    case X509_V_ERR_CERT_NOT_YET_VALID: return "x509: certificate has expired or is not yet valid";
    default: return "x509: " + openssl_text;
  }
}

std::string IpText(const ASN1_OCTET_STRING* ip) {
  const unsigned char* bytes = ASN1_STRING_get0_data(ip);
  int length = ASN1_STRING_length(ip);
  char text[INET6_ADDRSTRLEN] = "";
  static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (length == 16 && std::equal(bytes, bytes + 12, kMapped)) {
    bytes += 12;  // Go prints an IPv4-mapped address as IPv4
    length = 4;
  }
  if (length == 4) inet_ntop(AF_INET, bytes, text, sizeof text);
  if (length == 16) inet_ntop(AF_INET6, bytes, text, sizeof text);
  return text;
}

void RecordNames(const X509* cert, VerificationFailure& failure) {
  auto* names =
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  failure.has_san = names != nullptr;
  for (int i = 0; names != nullptr && i < sk_GENERAL_NAME_num(names); ++i) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, i);
    if (name->type == GEN_DNS) {
      const ASN1_STRING* dns = name->d.dNSName;
      failure.dns_names.emplace_back(reinterpret_cast<const char*>(ASN1_STRING_get0_data(dns)),
                                     ASN1_STRING_length(dns));
    } else if (name->type == GEN_IPADD) {
      failure.ip_addresses.push_back(IpText(name->d.iPAddress));
    }
  }
  GENERAL_NAMES_free(names);
  char cn[256] = "";
  X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, cn, sizeof cn);
  failure.common_name = cn;
}

std::string Join(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : ", ") + item;
  return joined;
}

bool EqualFold(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// crypto/x509 HostnameError.Error().
std::string HostnameErrorText(const VerificationFailure& f, const std::string& host) {
  if (!f.has_san && EqualFold(f.common_name, host)) {
    return "x509: certificate relies on legacy Common Name field, use SANs instead";
  }
  unsigned char ip[16];
  const bool is_ip =
      inet_pton(AF_INET, host.c_str(), ip) == 1 || inet_pton(AF_INET6, host.c_str(), ip) == 1;
  if (is_ip && f.ip_addresses.empty()) {
    return "x509: cannot validate certificate for " + host + " because it doesn't contain any " +
           "IP SANs";
  }
  std::string valid = Join(is_ip ? f.ip_addresses : f.dns_names);
  if (valid.empty()) {
    return "x509: certificate is not valid for any names, but wanted to match " + host;
  }
  return "x509: certificate is valid for " + valid + ", not " + host;
}

// Poco reports chain failures through a process-wide event; we only record the reason
// (never ignore the error) so the exception that follows can say why.
void OnVerificationError(const void*, Poco::Net::VerificationErrorArgs& args) {
  last_failure = VerificationFailure();
  int code = args.errorNumber();
  if (code == X509_V_ERR_HOSTNAME_MISMATCH || code == X509_V_ERR_IP_ADDRESS_MISMATCH) {
    last_failure.hostname_mismatch = true;
    RecordNames(args.certificate().certificate(), last_failure);
    return;
  }
  last_failure.message = DescribeVerifyError(code, args.errorMessage());
}

// Go checks the name as part of verification, only against the SANs; so does OpenSSL
// with these settings (Poco's own check afterwards would still accept the CN).
void VerifyServerName(SSL_CTX* ctx, const std::string& server_name) {
  X509_VERIFY_PARAM* param = SSL_CTX_get0_param(ctx);
  unsigned char ip[16];
  if (inet_pton(AF_INET, server_name.c_str(), ip) == 1 ||
      inet_pton(AF_INET6, server_name.c_str(), ip) == 1) {
    X509_VERIFY_PARAM_set1_ip_asc(param, server_name.c_str());
    return;
  }
  X509_VERIFY_PARAM_set_hostflags(
      param, X509_CHECK_FLAG_NEVER_CHECK_SUBJECT | X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
  X509_VERIFY_PARAM_set1_host(param, server_name.c_str(), server_name.size());
}

void InitializeOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    Poco::Net::initializeSSL();
    Poco::Net::SSLManager::instance().ClientVerificationError +=
        Poco::delegate(&OnVerificationError);
  });
}

std::string ReadFile(const std::string& path, const char* what) {
  std::string error;
  std::optional<std::string> text = go::ReadFile(path, &error);
  if (!text) throw ConfigError("unable to read " + std::string(what) + " " + path + ": " + error);
  return std::move(*text);
}

std::string OpenSslError() {
  unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "no PEM data found";
  char buf[256];
  ERR_error_string_n(code, buf, sizeof buf);
  return buf;
}

struct BioDeleter {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct X509Deleter {
  void operator()(X509* x) const { X509_free(x); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;

BioPtr MemoryBio(const std::string& pem) {
  return BioPtr(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
}

// Every certificate of a PEM bundle goes into the store (X509Certificate would read
// only the first block). Returns how many there were.
int AddCertificates(SSL_CTX* ctx, const std::string& pem) {
  BioPtr bio = MemoryBio(pem);
  X509_STORE* store = SSL_CTX_get_cert_store(ctx);
  int added = 0;
  while (X509Ptr cert{PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)}) {
    if (X509_STORE_add_cert(store, cert.get()) != 1) {
      ERR_clear_error();  // a duplicate certificate in the bundle is harmless
    }
    ++added;
  }
  ERR_clear_error();
  return added;
}

void AddCertificateAuthorities(SSL_CTX* ctx, const std::string& pem, const std::string& what) {
  if (AddCertificates(ctx, pem) == 0) {
    throw ConfigError("unable to load root certificates: no valid certificate authority data in " +
                      what);
  }
}

// No CA in the kubeconfig: the system's roots, where Go's crypto/x509 finds them on
// this OS (read once per process), not under the OPENSSLDIR our OpenSSL was built with,
// which another distribution may not have. None found: every certificate is then signed
// by an unknown authority, as for Go.
void UseSystemRoots(SSL_CTX* ctx) {
  static const std::string pem = go::LoadSystemRoots(go::SystemRootLocations(
      go::Getenv("SSL_CERT_FILE").c_str(), go::Getenv("SSL_CERT_DIR").c_str()));
  AddCertificates(ctx, pem);
}

void UseClientCertificate(SSL_CTX* ctx, const std::string& cert_pem, const std::string& key_pem,
                          const std::string& what) {
  BioPtr cert_bio = MemoryBio(cert_pem);
  X509Ptr leaf{PEM_read_bio_X509(cert_bio.get(), nullptr, nullptr, nullptr)};
  if (!leaf || SSL_CTX_use_certificate(ctx, leaf.get()) != 1) {
    throw ConfigError("unable to load client certificate from " + what + ": " + OpenSslError());
  }
  // Further certificates in the same PEM are the chain to send along.
  while (X509* chain = PEM_read_bio_X509(cert_bio.get(), nullptr, nullptr, nullptr)) {
    SSL_CTX_add_extra_chain_cert(ctx, chain);  // takes ownership
  }
  ERR_clear_error();
  BioPtr key_bio = MemoryBio(key_pem);
  EVP_PKEY* key = PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, nullptr);
  if (key == nullptr) {
    throw ConfigError("unable to load client key from " + what + ": " + OpenSslError());
  }
  int used = SSL_CTX_use_PrivateKey(ctx, key);
  EVP_PKEY_free(key);
  if (used != 1 || SSL_CTX_check_private_key(ctx) != 1) {
    throw ConfigError("tls: private key does not match public key (" + what + ")");
  }
}

}  // namespace

std::string LastVerificationError(const std::string& server_name) {
  if (last_failure.hostname_mismatch) return HostnameErrorText(last_failure, server_name);
  return last_failure.message;
}

void ClearVerificationError() { last_failure = VerificationFailure(); }

std::optional<std::string> KeyPairError(const std::string& cert_pem, const std::string& key_pem) {
  BioPtr cert_bio = MemoryBio(cert_pem);
  X509Ptr leaf{PEM_read_bio_X509(cert_bio.get(), nullptr, nullptr, nullptr)};
  ERR_clear_error();
  if (!leaf) return "tls: failed to find any PEM data in certificate input";
  BioPtr key_bio = MemoryBio(key_pem);
  EVP_PKEY* key = PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, nullptr);
  ERR_clear_error();
  if (key == nullptr) return "tls: failed to find any PEM data in key input";
  const bool matches = X509_check_private_key(leaf.get(), key) == 1;
  EVP_PKEY_free(key);
  ERR_clear_error();
  if (!matches) return "tls: private key does not match public key";
  return std::nullopt;
}

Poco::Net::Context::Ptr NewTlsContext(const Config& config, const std::string& server_name) {
  InitializeOnce();
  const bool has_ca = !config.ca_data.empty() || !config.ca_file.empty();
  Poco::Net::Context::Params params;
  // VERIFY_STRICT: Poco skips the host name check on loopback in every other mode.
  params.verificationMode =
      config.insecure ? Poco::Net::Context::VERIFY_NONE : Poco::Net::Context::VERIFY_STRICT;
  params.loadDefaultCAs = false;  // UseSystemRoots below
  params.cipherList = "HIGH:!aNULL:!MD5";
  Poco::Net::Context::Ptr context;
  try {
    context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
  } catch (const Poco::Exception& e) {
    throw ConfigError("unable to create TLS context: " + e.displayText());
  }
  SSL_CTX* ctx = context->sslContext();
  // API servers and proxies often close without close_notify; Go treats that as EOF.
  SSL_CTX_set_options(ctx, SSL_OP_IGNORE_UNEXPECTED_EOF);
  if (!config.insecure) VerifyServerName(ctx, server_name);

  if (!config.insecure && !has_ca) UseSystemRoots(ctx);
  if (!config.insecure && has_ca) {
    if (!config.ca_data.empty()) {
      AddCertificateAuthorities(ctx, config.ca_data, "certificate-authority-data");
    } else {
      AddCertificateAuthorities(ctx, ReadFile(config.ca_file, "certificate authority"),
                                config.ca_file);
    }
  }
  const bool has_cert = !config.cert_data.empty() || !config.cert_file.empty();
  const bool has_key = !config.key_data.empty() || !config.key_file.empty();
  if (has_cert || has_key) {
    std::string cert = !config.cert_data.empty() ? config.cert_data
                                                 : ReadFile(config.cert_file, "client certificate");
    std::string key =
        !config.key_data.empty() ? config.key_data : ReadFile(config.key_file, "client key");
    std::string what =
        !config.cert_data.empty() ? std::string("client-certificate-data") : config.cert_file;
    UseClientCertificate(ctx, cert, key, what);
  }
  return context;
}

}  // namespace pvcwatch::rest
