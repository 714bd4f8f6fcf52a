#include "rest/rest_client.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/Net.h>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "go/os.h"
#include "go/strings.h"
#include "rest/errors.h"
#include "rest/exec_authenticator.h"
#include "rest/line_reader.h"
#include "rest/proxy.h"
#include "rest/retry.h"
#include "rest/session.h"
#include "rest/tls_context.h"
#include "version.h"

namespace pvcwatch::rest {
namespace {

// GOOS/GOARCH of this build, as client-go's default User-Agent names them.
#if defined(__APPLE__)
#define PVCWATCH_GOOS "darwin"
#elif defined(_WIN32)
#define PVCWATCH_GOOS "windows"
#else
#define PVCWATCH_GOOS "linux"
#endif
#if defined(__aarch64__)
constexpr const char* kPlatform = PVCWATCH_GOOS "/arm64";
#else
constexpr const char* kPlatform = PVCWATCH_GOOS "/amd64";
#endif

// A list page is 1-2 MB at limit=500 and an object at most ~1.5 MB (etcd's request
// limit); 64 MiB leaves wide room and bounds what a broken server can make us hold.
constexpr size_t kMaxBody = 64u << 20;

std::string ReadCapped(std::istream& in, size_t cap, const std::string& host) {
  std::string body;
  char buf[16384];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    body.append(buf, static_cast<size_t>(in.gcount()));
    if (body.size() > cap) {
      throw ConnectionError(host,
                            "response body larger than " + std::to_string(cap >> 20) + " MiB");
    }
  }
  if (in.bad()) throw ConnectionError(host, "connection broken while reading the response");
  return body;
}

// What one request authenticates with.
struct Auth {
  std::shared_ptr<const ExecCredential> exec;  // set when an exec plugin gave it
  std::string token;
  Poco::Net::Context::Ptr tls;
};

// One GET with its head read; the body is still in the session. `open` is declared last
// so that the socket leaves OpenSockets before the session closes it.
// What a request sends: GET with no body, or a method with a typed body.
struct Outgoing {
  std::string method = Poco::Net::HTTPRequest::HTTP_GET;
  std::string content_type;
  std::string body;
};

struct Exchange {
  std::unique_ptr<Poco::Net::HTTPClientSession> session;
  std::istream* body = nullptr;
  Response head;
  bool keep_alive = false;  // the server keeps the connection open after the body
  OpenSocket open;
};

// A connection kept alive between requests, and the TLS context it was made with.
struct IdleSession {
  std::unique_ptr<Poco::Net::HTTPClientSession> session;
  Poco::Net::Context::Ptr tls;
};

// Idle connections kept: the claims' and the quotas' reflectors list at the same time,
// each then holding one for its watch.
constexpr size_t kMaxIdleSessions = 2;

class PocoLineStream : public LineStream {
 public:
  PocoLineStream(Exchange exchange, size_t max_line, Endpoint endpoint, SessionOptions options)
      : exchange_(std::move(exchange)),
        // Straight from the streambuf so socket exceptions reach us instead of badbit.
        lines_(*exchange_.body->rdbuf(), max_line, endpoint.host_port),
        endpoint_(std::move(endpoint)),
        options_(std::move(options)) {}

  std::optional<std::string> NextLine() override {
    try {
      return lines_.Next();
    } catch (...) {
      RethrowAsConnectionError(endpoint_, options_);
    }
  }

 private:
  Exchange exchange_;
  LineReader lines_;
  Endpoint endpoint_;
  SessionOptions options_;
};

class PocoBodyStream : public BodyStream {
 public:
  PocoBodyStream(Exchange exchange, Endpoint endpoint, SessionOptions options)
      : exchange_(std::move(exchange)),
        endpoint_(std::move(endpoint)),
        options_(std::move(options)) {}

  size_t Read(char* data, size_t size) override {
    // Poco's chunked body, asked again after its end, waits for a next chunk: never ask.
    if (ended_) return 0;
    try {
      // Straight from the streambuf so socket exceptions reach us instead of badbit;
      // sgetn returns fewer bytes than asked only at the end.
      const std::streamsize n =
          exchange_.body->rdbuf()->sgetn(data, static_cast<std::streamsize>(size));
      const size_t got = n > 0 ? static_cast<size_t>(n) : 0;
      ended_ = got < size;
      return got;
    } catch (...) {
      RethrowAsConnectionError(endpoint_, options_);
    }
  }

 private:
  Exchange exchange_;
  Endpoint endpoint_;
  SessionOptions options_;
  bool ended_ = false;
};

}  // namespace

struct RestClient::Impl {
  Config config;
  Endpoint endpoint;
  SessionOptions base;  // TLS context, server name and proxy shared by every request
  std::unique_ptr<ExecAuthenticator> exec;
  std::shared_ptr<OpenSockets> open_sockets = std::make_shared<OpenSockets>();

  std::mutex mutex;           // guards what follows
  std::string exec_key_pair;  // the certificate and key the exec TLS context holds
  Poco::Net::Context::Ptr exec_tls;
  std::string file_token;         // the last token read from bearer_token_file
  std::vector<IdleSession> idle;  // connections that answered and can serve another GET

  // A kept-alive connection made with `tls`, or null. Those made with another context
  // (an exec plugin's rotated certificate) are closed, as client-go does.
  std::unique_ptr<Poco::Net::HTTPClientSession> TakeIdle(const Poco::Net::Context::Ptr& tls) {
    if (open_sockets->cancelled()) return nullptr;
    std::vector<IdleSession> closing;
    std::lock_guard<std::mutex> lock(mutex);
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    for (IdleSession& kept : idle) {
      if (kept.tls != tls) {
        closing.push_back(std::move(kept));
      } else if (!session) {
        session = std::move(kept.session);
      }
    }
    std::erase_if(idle, [](const IdleSession& kept) { return !kept.session; });
    return session;
  }

  // Keeps the connection of an answer read to its end for the next GET.
  void PutIdle(Exchange& exchange, const Auth& auth) {
    if (!exchange.keep_alive || !exchange.session->connected() || open_sockets->cancelled()) {
      return;
    }
    exchange.open = OpenSocket();
    std::lock_guard<std::mutex> lock(mutex);
    if (idle.size() < kMaxIdleSessions) {
      idle.push_back(IdleSession{std::move(exchange.session), auth.tls});
    }
  }

  std::string BearerToken() {
    if (config.bearer_token_file.empty()) return config.bearer_token;
    // Re-read on every request: projected service account tokens are rotated in place.
    // Like client-go's cached file token source, keep the last good token when the file
    // cannot be read (or is empty) for a moment.
    std::string token(go::TrimSpace(go::ReadFile(config.bearer_token_file).value_or("")));
    std::lock_guard<std::mutex> lock(mutex);
    if (!token.empty()) {
      file_token = std::move(token);
    } else if (file_token.empty()) {
      file_token = config.bearer_token;
    }
    if (file_token.empty()) {
      throw ConfigError("unable to read token file " + config.bearer_token_file);
    }
    return file_token;
  }

  // A TLS context presenting the exec plugin's client certificate; client-go swaps the
  // certificate (and closes connections) when the plugin returns a new one.
  Poco::Net::Context::Ptr ExecTls(const ExecCredential& credential) {
    std::string pair = credential.client_certificate_data + '\0' + credential.client_key_data;
    std::lock_guard<std::mutex> lock(mutex);
    if (exec_tls && pair == exec_key_pair) return exec_tls;
    if (std::optional<std::string> error =
            KeyPairError(credential.client_certificate_data, credential.client_key_data)) {
      throw ConnectionError(
          endpoint.host_port,
          "getting credentials: failed parsing client key/certificate: " + *error);
    }
    Config with_cert = config;
    with_cert.cert_file.clear();
    with_cert.key_file.clear();
    with_cert.cert_data = credential.client_certificate_data;
    with_cert.key_data = credential.client_key_data;
    exec_tls = NewTlsContext(with_cert, base.server_name);
    exec_key_pair = std::move(pair);
    return exec_tls;
  }

  Auth Authenticate() {
    Auth auth;
    auth.tls = base.tls;
    if (!exec) {
      auth.token = BearerToken();
      return auth;
    }
    try {
      auth.exec = exec->Get();
    } catch (const ExecError& e) {
      // client-go's exec round tripper: "getting credentials: %v".
      throw ConnectionError(endpoint.host_port, std::string("getting credentials: ") + e.what());
    }
    auth.token = auth.exec->token;
    if (!auth.exec->client_certificate_data.empty()) auth.tls = ExecTls(*auth.exec);
    return auth;
  }

  Poco::Net::HTTPRequest NewRequest(const std::string& method, const std::string& path_and_query,
                                    const std::string& accept, const std::string& token) const {
    Poco::Net::HTTPRequest request(method, endpoint.path_prefix + path_and_query,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Accept", accept);
    request.set("User-Agent", "kubectl-pvcwatch/" + std::string(Version()) + " (" + kPlatform +
                                  ") kubernetes/plugin");
    bool has_basic = !config.username.empty() || !config.password.empty();
    if ((!token.empty() || has_basic) && !endpoint.https) {
      throw ConfigError("refusing to send credentials over plain http to " + endpoint.host_port);
    }
    if (!token.empty()) {
      request.set("Authorization", "Bearer " + token);
    } else if (has_basic) {
      Poco::Net::HTTPBasicCredentials(config.username, config.password).authenticate(request);
    }
    if (!config.impersonate_user.empty()) {
      request.set("Impersonate-User", config.impersonate_user);
    }
    for (const auto& group : config.impersonate_groups) request.add("Impersonate-Group", group);
    return request;
  }

  SessionOptions Options(const Auth& auth, std::chrono::seconds read_timeout) const {
    SessionOptions options = base;
    options.tls = auth.tls;
    options.connect_timeout =
        config.timeout.count() > 0 ? config.timeout : std::chrono::milliseconds(30000);
    options.receive_timeout = read_timeout;
    if (config.timeout.count() > 0 && config.timeout < options.receive_timeout) {
      options.receive_timeout = config.timeout;
    }
    options.request_timeout = config.timeout;
    options.sockets = open_sockets;
    return options;
  }

  Exchange Send(const Outgoing& out, const std::string& path_and_query, const std::string& accept,
                const Auth& auth, std::chrono::seconds read_timeout) {
    Poco::Net::HTTPRequest request = NewRequest(out.method, path_and_query, accept, auth.token);
    if (!out.content_type.empty()) {
      request.setContentType(out.content_type);
      request.setContentLength(static_cast<std::streamsize>(out.body.size()));
    }
    SessionOptions options = Options(auth, read_timeout);
    Exchange exchange;
    // Only a GET goes on a connection used before: it is the request that may be sent
    // again when that connection turns out closed (Go's rule for idempotent requests).
    const bool get = out.method == Poco::Net::HTTPRequest::HTTP_GET;
    exchange.session = get ? TakeIdle(auth.tls) : nullptr;
    bool reused = exchange.session != nullptr;
    if (reused) {
      SetTimeouts(*exchange.session, endpoint, options);
    } else {
      exchange.session = NewSession(endpoint, options);
    }
    for (;;) {
      try {
        ClearVerificationError();
        exchange.session->sendRequest(request) << out.body;
        exchange.open = OpenSocket(open_sockets, exchange.session->socket().impl()->sockfd());
        Poco::Net::HTTPResponse response;
        exchange.body = &exchange.session->receiveResponse(response);
        exchange.head.status = static_cast<int>(response.getStatus());
        exchange.head.content_type = response.getContentType();
        exchange.head.retry_after = response.get("Retry-After", "");
        exchange.keep_alive = response.getKeepAlive();
        return exchange;
      } catch (...) {
        // A kept-alive connection the server closed while it was idle (its idle
        // timeout, a restart) fails before any byte of an answer: once more, on a new one.
        if (!reused || open_sockets->cancelled() || !ClosedBeforeAnswering()) {
          RethrowAsConnectionError(endpoint, options);
        }
      }
      reused = false;
      exchange.open = OpenSocket();
      exchange.session = NewSession(endpoint, options);
    }
  }

  void ReadBody(Exchange& exchange, const Auth& auth) {
    try {
      exchange.head.body = ReadCapped(*exchange.body, kMaxBody, endpoint.host_port);
    } catch (const ConnectionError&) {
      // The istream swallowed the socket's exception into badbit; the session kept it
      // (reference/quantity-poco.md §2.1), so say what it was (a timeout, a reset).
      if (const Poco::Exception* cause = exchange.session->networkException()) {
        try {
          cause->rethrow();
        } catch (...) {
          RethrowAsConnectionError(endpoint, Options(auth, std::chrono::seconds(60)));
        }
      }
      throw;
    } catch (...) {
      RethrowAsConnectionError(endpoint, Options(auth, std::chrono::seconds(60)));
    }
  }

  // A GET whose body is left to read when the answer is 200 (`options`: what to report
  // its failures with); otherwise the answer, read whole, is in `head`.
  std::optional<Exchange> OpenBody(const std::string& path_and_query, const std::string& accept,
                                   Response& head, std::chrono::seconds read_timeout,
                                   SessionOptions& options);

  // client-go refreshes exec credentials when a request made with them gets a 401; we
  // also retry that request once, so a revoked or rotated token does not end the command.
  bool RetryAfter(const Response& head, const Auth& auth) {
    return head.status == 401 && exec && auth.exec && exec->RefreshAfterUnauthorized(auth.exec);
  }
};

RestClient::RestClient(Config config, clock::Clock& clock)
    : impl_(std::make_unique<Impl>()), clock_(clock) {
  // Winsock needs WSAStartup; Poco's automatic call lives in a static object that a
  // static link leaves out (a no-op elsewhere). Once per process, never undone.
  static const bool network = (Poco::Net::initializeNetwork(), true);
  (void)network;
  impl_->config = std::move(config);
  const Config& c = impl_->config;
  impl_->endpoint = ParseServer(c.host);
  const Endpoint& endpoint = impl_->endpoint;
  impl_->base.server_name = c.tls_server_name.empty() ? endpoint.host : c.tls_server_name;
  impl_->base.proxy = ProxyFor(c.proxy_url, go::ProxyEnvironment::FromProcess(),
                               endpoint.https ? "https" : "http", endpoint.host, endpoint.port);
  if (endpoint.https) impl_->base.tls = NewTlsContext(c, impl_->base.server_name);
  if (c.exec) {
    if (!endpoint.https) {
      throw ConfigError("refusing to send credentials over plain http to " + endpoint.host_port);
    }
    // client-go ConfigToExecCluster: what a plugin with provideClusterInfo is told.
    ExecClusterInfo cluster;
    cluster.server = c.host;
    cluster.tls_server_name = c.tls_server_name;
    cluster.insecure_skip_tls_verify = c.insecure;
    cluster.certificate_authority_data = c.cluster_ca_data_for_exec;
    cluster.proxy_url = c.proxy_url;
    cluster.config_json = c.cluster_config_for_exec;
    ExecAuthenticator::Environment environment = ExecAuthenticator::ProcessEnvironment();
    // --request-timeout bounds what a request waits for, its credential included (a
    // plugin with our terminal keeps its longer limit: a person may be logging in).
    if (c.timeout.count() > 0) environment.timeout = std::min(environment.timeout, c.timeout);
    impl_->exec = std::make_unique<ExecAuthenticator>(*c.exec, cluster, environment);
  }
}

RestClient::~RestClient() = default;

const std::string& RestClient::host() const { return impl_->endpoint.host_port; }

void RestClient::Cancel() { impl_->open_sockets->Cancel(); }

Response RestClient::Get(const std::string& path_and_query, const std::string& accept) {
  return Send("GET", path_and_query, "", "", accept);
}

Response RestClient::Send(const std::string& method, const std::string& path_and_query,
                          const std::string& content_type, const std::string& body,
                          const std::string& accept) {
  const Outgoing out{method, content_type, body};
  bool reauthenticated = false;
  for (int retries = 0;;) {
    Auth auth = impl_->Authenticate();
    Exchange exchange = impl_->Send(out, path_and_query, accept, auth, std::chrono::seconds(60));
    impl_->ReadBody(exchange, auth);
    impl_->PutIdle(exchange, auth);
    if (!reauthenticated && impl_->RetryAfter(exchange.head, auth)) {
      reauthenticated = true;
      continue;
    }
    std::optional<int> wait = RetryAfterWait(exchange.head.status, exchange.head.retry_after);
    if (!wait || retries == kMaxRequestRetries) return std::move(exchange.head);
    ++retries;
    if (!clock_.Sleep(std::chrono::seconds(*wait))) return std::move(exchange.head);
  }
}

std::optional<Exchange> RestClient::Impl::OpenBody(const std::string& path_and_query,
                                                   const std::string& accept, Response& head,
                                                   std::chrono::seconds read_timeout,
                                                   SessionOptions& options) {
  for (bool retried = false;; retried = true) {
    Auth auth = Authenticate();
    Exchange exchange = Send(Outgoing{}, path_and_query, accept, auth, read_timeout);
    if (exchange.head.status == 200) {
      head = exchange.head;
      options = Options(auth, read_timeout);
      return exchange;
    }
    ReadBody(exchange, auth);
    PutIdle(exchange, auth);
    if (!retried && RetryAfter(exchange.head, auth)) continue;
    head = std::move(exchange.head);
    return std::nullopt;
  }
}

std::unique_ptr<LineStream> RestClient::Stream(const std::string& path_and_query, Response& head,
                                               std::chrono::seconds read_timeout, size_t max_line) {
  SessionOptions options;
  std::optional<Exchange> exchange =
      impl_->OpenBody(path_and_query, "application/json", head, read_timeout, options);
  if (!exchange) return nullptr;
  return std::make_unique<PocoLineStream>(std::move(*exchange), max_line, impl_->endpoint,
                                          std::move(options));
}

std::unique_ptr<BodyStream> RestClient::Open(const std::string& path_and_query,
                                             const std::string& accept, Response& head,
                                             std::chrono::seconds read_timeout) {
  SessionOptions options;
  std::optional<Exchange> exchange =
      impl_->OpenBody(path_and_query, accept, head, read_timeout, options);
  if (!exchange) return nullptr;
  return std::make_unique<PocoBodyStream>(std::move(*exchange), impl_->endpoint,
                                          std::move(options));
}

}  // namespace pvcwatch::rest
