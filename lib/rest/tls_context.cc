#include "rest/tls_context.h"

#include <Poco/Delegate.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/VerificationErrorArgs.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

#include "rest/errors.h"

namespace pvcwatch::rest {
namespace {

thread_local std::string last_verification_error;

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
    case X509_V_ERR_CERT_NOT_YET_VALID:
      return "x509: certificate has expired or is not yet valid";
    default:
      return "x509: " + openssl_text;
  }
}

// Poco reports chain failures through a process-wide event; we only record the reason
// (never ignore the error) so the exception that follows can say why.
void OnVerificationError(const void*, Poco::Net::VerificationErrorArgs& args) {
  last_verification_error = DescribeVerifyError(args.errorNumber(), args.errorMessage());
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
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError("unable to read " + std::string(what) + " " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
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
// only the first block).
void AddCertificateAuthorities(SSL_CTX* ctx, const std::string& pem, const std::string& what) {
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
  if (added == 0) {
    throw ConfigError("unable to load root certificates: no valid certificate authority data in " +
                      what);
  }
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

std::string LastVerificationError() { return last_verification_error; }
void ClearVerificationError() { last_verification_error.clear(); }

Poco::Net::Context::Ptr NewTlsContext(const Config& config) {
  InitializeOnce();
  const bool has_ca = !config.ca_data.empty() || !config.ca_file.empty();
  Poco::Net::Context::Params params;
  // VERIFY_STRICT: Poco skips the host name check on loopback in every other mode.
  params.verificationMode =
      config.insecure ? Poco::Net::Context::VERIFY_NONE : Poco::Net::Context::VERIFY_STRICT;
  params.loadDefaultCAs = !config.insecure && !has_ca;
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
    std::string cert = !config.cert_data.empty()
                           ? config.cert_data
                           : ReadFile(config.cert_file, "client certificate");
    std::string key =
        !config.key_data.empty() ? config.key_data : ReadFile(config.key_file, "client key");
    std::string what = !config.cert_data.empty() ? std::string("client-certificate-data")
                                                 : config.cert_file;
    UseClientCertificate(ctx, cert, key, what);
  }
  return context;
}

}  // namespace pvcwatch::rest
