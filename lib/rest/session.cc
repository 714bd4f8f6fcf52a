#include "rest/session.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketDefs.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cerrno>
#include <ios>
#include <utility>

#include "go/net.h"
#include "go/os.h"
#include "rest/errors.h"
#include "rest/tls_context.h"

namespace pvcwatch::rest {
namespace {

Poco::Timespan Span(std::chrono::milliseconds ms) {
  return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(ms.count()) * 1000);
}

// How often a connect in progress looks whether it was cancelled: a connecting socket
// cannot be shut down from another thread, so Dial waits in slices.
constexpr std::chrono::milliseconds kDialSlice{100};

// The end of a connect, a handshake or a tunnel that Cancel asked for (Go's text for a
// request whose context ended).
void ThrowIfCancelled(const Endpoint& endpoint, const SessionOptions& options) {
  if (options.sockets && options.sockets->cancelled()) {
    throw ConnectionError(endpoint.host_port, "context canceled");
  }
}

// Go's net.Dialer{Timeout, KeepAlive: 30 s}: the connect bounded by `options`'s connect
// timeout and ended by a Cancel; keep-alive probes after 30 s idle, then every 30 s.
Poco::Net::StreamSocket Dial(const Poco::Net::SocketAddress& address, const Endpoint& endpoint,
                             const SessionOptions& options) {
  Poco::Net::StreamSocket tcp;
  tcp.connectNB(address);
  const auto deadline = std::chrono::steady_clock::now() + options.connect_timeout;
  for (;;) {
    ThrowIfCancelled(endpoint, options);
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      throw ConnectionError(endpoint.host_port, "dial tcp " + endpoint.host_port + ": i/o timeout");
    }
    if (tcp.poll(Span(std::min(left, kDialSlice)),
                 Poco::Net::Socket::SELECT_WRITE | Poco::Net::Socket::SELECT_ERROR)) {
      break;
    }
  }
  if (const int error = tcp.impl()->socketError(); error != 0) {
    if (error == POCO_ECONNREFUSED) throw Poco::Net::ConnectionRefusedException(address.toString());
    throw ConnectionError(endpoint.host_port,
                          "dial tcp " + endpoint.host_port + ": connect: " + go::ErrnoText(error));
  }
  tcp.setBlocking(true);
  tcp.setKeepAlive(true);
#if defined(__APPLE__)
  tcp.setOption(IPPROTO_TCP, TCP_KEEPALIVE, 30);  // macOS's name for TCP_KEEPIDLE
#elif defined(_WIN32)
  // Windows 10 1709 and later take these; without them the system's 2 h idle applies,
  // which is no reason to fail a connection.
  try {
    tcp.setOption(IPPROTO_TCP, TCP_KEEPIDLE, 30);
    tcp.setOption(IPPROTO_TCP, TCP_KEEPINTVL, 30);
  } catch (const Poco::Exception&) {
  }
  return tcp;
#else
  tcp.setOption(IPPROTO_TCP, TCP_KEEPIDLE, 30);
#endif
  tcp.setOption(IPPROTO_TCP, TCP_KEEPINTVL, 30);
  return tcp;
}

// A plain HTTP session (to the server, or to a proxy for CONNECT) that dials with Dial.
class DialingSession : public Poco::Net::HTTPClientSession {
 public:
  DialingSession(const Poco::Net::SocketAddress& address, const Endpoint& endpoint,
                 const SessionOptions& options)
      : HTTPClientSession(address), endpoint_(endpoint), options_(options) {}
  DialingSession(const Endpoint& endpoint, const SessionOptions& options)
      : HTTPClientSession(endpoint.host, endpoint.port), endpoint_(endpoint), options_(options) {}
  DialingSession(const Endpoint& endpoint, const SessionOptions& options, const ProxyConfig& proxy)
      : HTTPClientSession(endpoint.host, endpoint.port, proxy),
        endpoint_(endpoint),
        options_(options) {}

 protected:
  void connect(const Poco::Net::SocketAddress& address) override {
    Poco::Net::StreamSocket tcp = Dial(address, endpoint_, options_);
    tcp.setReceiveTimeout(getTimeout());
    tcp.setSendTimeout(Span(options_.connect_timeout));
    tcp.setNoDelay(true);
    attachSocket(tcp);
  }

 private:
  Endpoint endpoint_;
  SessionOptions options_;
};

// An HTTPS session that sends `server_name` as SNI and verifies the certificate against
// it (client-go's TLSClientConfig.ServerName), directly or through a CONNECT tunnel.
// Poco's own proxy path would attach TLS with the URL's host, losing tls-server-name,
// and send "Proxy-Authorization: Basic Og==" without credentials
// (reference/quantity-poco.md §2.5), so the tunnel is made here.
class ServerNameSession : public Poco::Net::HTTPSClientSession {
 public:
  ServerNameSession(const Endpoint& endpoint, const SessionOptions& options)
      : HTTPSClientSession(endpoint.host, endpoint.port, options.tls),
        endpoint_(endpoint),
        options_(options) {
    if (options_.proxy) {
      // Only so that Poco connects to the proxy instead of resolving the server's name;
      // the credentials stay out of Poco's hands (they go on our CONNECT only).
      ProxyConfig proxy;
      proxy.host = options_.proxy->host;
      proxy.port = options_.proxy->port;
      proxy.authMethod = PROXY_AUTH_NONE;
      setProxyConfig(proxy);
    }
  }

 protected:
  // Go's http.Transport, phase by phase: the dial (30 s, or --request-timeout), then the
  // TLS handshake on its own clock (client-go's TLSHandshakeTimeout, 10 s). Poco would
  // run the handshake on the connect timeout, waiting it out twice.
  void connect(const Poco::Net::SocketAddress& address) override {
    // With a proxy, `address` is the proxy's. TLS starts only inside the tunnel, so the
    // proxy sees the CONNECT line and nothing else in clear.
    Poco::Net::StreamSocket tcp =
        options_.proxy ? Tunnel(address) : Dial(address, endpoint_, options_);
    attachSocket(Handshake(tcp));
  }
  // Nothing about the proxy goes into requests that travel inside the tunnel.
  std::string proxyRequestPrefix() const override { return ""; }
  void proxyAuthenticate(Poco::Net::HTTPRequest&) override {}

 private:
  // Go's transport: "CONNECT host:port" with the same Host, Proxy-Authorization only
  // when the proxy URL has userinfo; a non-200 answer fails with its status text.
  Poco::Net::StreamSocket Tunnel(const Poco::Net::SocketAddress& address) {
    DialingSession proxy(address, endpoint_, options_);
    proxy.setTimeout(Span(options_.connect_timeout), Span(options_.connect_timeout),
                     Span(options_.receive_timeout));
    proxy.setKeepAlive(true);
    Poco::Net::HTTPRequest connect(Poco::Net::HTTPRequest::HTTP_CONNECT, endpoint_.host_port,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    connect.set("Host", endpoint_.host_port);
    if (!options_.proxy->username.empty() || !options_.proxy->password.empty()) {
      Poco::Net::HTTPBasicCredentials(options_.proxy->username, options_.proxy->password)
          .proxyAuthenticate(connect);
    }
    proxy.sendRequest(connect);
    // A Cancel must end the wait for the proxy's answer too.
    OpenSocket open(options_.sockets, proxy.socket().impl()->sockfd());
    Poco::Net::HTTPResponse response;
    proxy.receiveResponse(response);
    if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) {
      throw ConnectionError(endpoint_.host_port, response.getReason());
    }
    return proxy.detachSocket();
  }

  Poco::Net::SecureStreamSocket Handshake(Poco::Net::StreamSocket& tcp) {
    // Over a blocking socket, Poco gives up on a silent handshake after one receive
    // timeout without saying so (SSL_ERROR_WANT_READ) and resumes it with the request:
    // so it is driven here, to the deadline.
    // A shorter --request-timeout ends it first, in the words of Go's http.Client.Timeout.
    const bool client_timeout = options_.request_timeout.count() > 0 &&
                                options_.request_timeout < options_.tls_handshake_timeout;
    const std::chrono::milliseconds limit =
        client_timeout ? options_.request_timeout : options_.tls_handshake_timeout;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    auto left = [&] {
      return std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
    };
    tcp.setReceiveTimeout(Span(limit));
    tcp.setSendTimeout(Span(limit));
    // A Cancel shuts the socket down, which ends a handshake waiting for the server.
    OpenSocket open(options_.sockets, tcp.impl()->sockfd());
    Poco::Net::SecureStreamSocket tls =
        Poco::Net::SecureStreamSocket::attach(tcp, options_.server_name, options_.tls);
    for (;;) {
      // A Cancel shuts the socket down: the handshake then fails at once, and must not
      // be retried until its deadline.
      ThrowIfCancelled(endpoint_, options_);
      const std::chrono::milliseconds wait = left();
      if (wait.count() <= 0) {
        throw ConnectionError(endpoint_.host_port,
                              client_timeout ? "net/http: request canceled while waiting for "
                                               "connection (Client.Timeout exceeded while "
                                               "awaiting headers)"
                                             : "net/http: TLS handshake timeout");
      }
      tls.setReceiveTimeout(Span(wait));
      tls.setSendTimeout(Span(wait));
      if (tls.completeHandshake() == 1) break;
    }
    // The post-connection check Poco makes only when the handshake ends inside attach.
    tls.verifyPeerCertificate(options_.server_name);
    // From here the session's own timeouts (set on it by NewSession).
    tls.setReceiveTimeout(getTimeout());
    tls.setSendTimeout(Span(options_.connect_timeout));
    tls.setNoDelay(true);
    return tls;
  }

  Endpoint endpoint_;
  SessionOptions options_;
};

}  // namespace

namespace {

void Shutdown(OpenSockets::Fd fd) {
#if defined(_WIN32)
  ::shutdown(static_cast<SOCKET>(fd), SD_BOTH);
#else
  ::shutdown(static_cast<int>(fd), SHUT_RDWR);
#endif
}

}  // namespace

void OpenSockets::Add(Fd fd) {
  std::lock_guard lock(mutex_);
  if (cancelled_) Shutdown(fd);
  fds_.insert(fd);
}

void OpenSockets::Remove(Fd fd) {
  std::lock_guard lock(mutex_);
  fds_.erase(fd);
}

void OpenSockets::Cancel() {
  std::lock_guard lock(mutex_);
  cancelled_ = true;
  for (Fd fd : fds_) Shutdown(fd);
}

bool OpenSockets::cancelled() const {
  std::lock_guard lock(mutex_);
  return cancelled_;
}

OpenSocket::OpenSocket(std::shared_ptr<OpenSockets> sockets, OpenSockets::Fd fd)
    : sockets_(std::move(sockets)), fd_(fd) {
  if (sockets_) sockets_->Add(fd_);
}

OpenSocket::OpenSocket(OpenSocket&& other) noexcept
    : sockets_(std::move(other.sockets_)), fd_(std::exchange(other.fd_, -1)) {}

OpenSocket& OpenSocket::operator=(OpenSocket&& other) noexcept {
  Release();
  sockets_ = std::move(other.sockets_);
  fd_ = std::exchange(other.fd_, -1);
  return *this;
}

OpenSocket::~OpenSocket() { Release(); }

void OpenSocket::Release() {
  if (sockets_ && fd_ >= 0) sockets_->Remove(fd_);
  fd_ = -1;
}

Endpoint ParseServer(const std::string& server) {
  // client-go accepts "host:port" without a scheme and defaults to https.
  std::string text = server.find("://") == std::string::npos ? "https://" + server : server;
  Poco::URI uri;
  try {
    uri = Poco::URI(text);
  } catch (const Poco::Exception& e) {
    throw ConfigError("invalid server URL \"" + server + "\": " + e.message());
  }
  Endpoint endpoint;
  if (uri.getScheme() == "http") {
    endpoint.https = false;
  } else if (uri.getScheme() != "https") {
    throw ConfigError("invalid server URL \"" + server + "\": scheme must be https or http");
  }
  endpoint.host = uri.getHost();
  if (endpoint.host.empty()) throw ConfigError("invalid server URL \"" + server + "\": no host");
  endpoint.port = uri.getPort();
  endpoint.path_prefix = uri.getPath();
  while (!endpoint.path_prefix.empty() && endpoint.path_prefix.back() == '/') {
    endpoint.path_prefix.pop_back();
  }
  endpoint.host_port = go::JoinHostPort(endpoint.host, std::to_string(endpoint.port));
  return endpoint;
}

std::unique_ptr<Poco::Net::HTTPClientSession> NewSession(const Endpoint& endpoint,
                                                         const SessionOptions& options) {
  std::unique_ptr<Poco::Net::HTTPClientSession> session;
  if (endpoint.https) {
    session = std::make_unique<ServerNameSession>(endpoint, options);
  } else if (options.proxy) {
    // Plain http through a proxy: the request goes to the proxy with an absolute URI.
    Poco::Net::HTTPClientSession::ProxyConfig proxy;
    proxy.host = options.proxy->host;
    proxy.port = options.proxy->port;
    proxy.username = options.proxy->username;
    proxy.password = options.proxy->password;
    proxy.authMethod = proxy.username.empty() && proxy.password.empty()
                           ? Poco::Net::HTTPClientSession::PROXY_AUTH_NONE
                           : Poco::Net::HTTPClientSession::PROXY_AUTH_HTTP_BASIC;
    session = std::make_unique<DialingSession>(endpoint, options, proxy);
  } else {
    session = std::make_unique<DialingSession>(endpoint, options);
  }
  session->setKeepAlive(true);
  SetTimeouts(*session, endpoint, options);
  return session;
}

void SetTimeouts(Poco::Net::HTTPClientSession& session, const Endpoint& endpoint,
                 const SessionOptions& options) {
  // Over TLS, Poco 1.11 waits out the socket's receive timeout in recv and then once
  // more in its poll before giving up (SecureSocketImpl::mustRetry), so a silence is
  // detected after twice the setting: give it half.
  std::chrono::milliseconds receive = options.receive_timeout;
  if (endpoint.https) receive = std::max(receive / 2, std::chrono::milliseconds(1));
  session.setTimeout(Span(options.connect_timeout), Span(options.connect_timeout), Span(receive));
  // The connection got its timeouts when it was made (connect above): a session used
  // again for a watch, or after one, gets this request's.
  if (session.connected()) {
    session.socket().setReceiveTimeout(Span(receive));
    session.socket().setSendTimeout(Span(options.connect_timeout));
  }
}

bool ClosedBeforeAnswering() {
  try {
    throw;
  } catch (const Poco::Net::NoMessageException&) {
    return true;  // the connection ended before a status line (Go: io.EOF on a reused conn)
  } catch (const Poco::Net::ConnectionResetException&) {
    return true;
  } catch (const Poco::Net::SSLConnectionUnexpectedlyClosedException&) {
    return true;
  } catch (...) {
    return false;
  }
}

void RethrowAsConnectionError(const Endpoint& endpoint, const SessionOptions& options) {
  const std::string& hp = endpoint.host_port;
  // With a proxy, the only name we resolve is the proxy's (Go: "proxyconnect tcp: ...").
  const std::string lookup =
      options.proxy ? "proxyconnect tcp: dial tcp: lookup " + options.proxy->host + ": no such host"
                    : "dial tcp: lookup " + endpoint.host + ": no such host";
  try {
    throw;
  } catch (const ConnectionError&) {
    throw;
  } catch (const Poco::Net::ConnectionRefusedException&) {
    // kubectl says the same when it is the proxy that refuses.
    throw ConnectionError(hp, "dial tcp " + hp + ": connect: connection refused", true);
  } catch (const Poco::Net::HostNotFoundException&) {
    throw ConnectionError(hp, lookup);
  } catch (const Poco::Net::NoAddressFoundException&) {
    throw ConnectionError(hp, lookup);
  } catch (const Poco::Net::CertificateValidationException&) {
    std::string why = LastVerificationError(options.server_name);
    ClearVerificationError();
    if (why.empty()) why = "x509: certificate is not valid for " + options.server_name;
    throw ConnectionError(hp, "tls: failed to verify certificate: " + why);
  } catch (const Poco::Net::SSLException& e) {
    std::string why = LastVerificationError(options.server_name);
    ClearVerificationError();
    if (!why.empty()) throw ConnectionError(hp, "tls: failed to verify certificate: " + why);
    throw ConnectionError(hp, "tls: " + e.message());
  } catch (const Poco::TimeoutException&) {
    throw ConnectionError(hp, "net/http: timeout awaiting response from " + hp);
  } catch (const Poco::Net::NoMessageException&) {
    throw ConnectionError(hp, "EOF");
  } catch (const Poco::Exception& e) {
    throw ConnectionError(hp, e.displayText());
  } catch (const std::ios_base::failure& e) {
    throw ConnectionError(hp, e.what());
  }
}

}  // namespace pvcwatch::rest
