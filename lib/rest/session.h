#pragma once

// Internal to lib/rest: Poco sessions to one API server, direct or through an HTTP
// proxy, and the translation of Poco's exceptions into ConnectionError.

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "rest/proxy.h"

namespace pvcwatch::rest {

/// The API server's URL, taken apart.
struct Endpoint {
  bool https = true;
  std::string host;  // an IPv6 literal without brackets
  std::uint16_t port = 443;
  std::string path_prefix;  // without a trailing '/'
  std::string host_port;    // host:port, IPv6 in brackets: for messages and CONNECT
};

/// Parses a kubeconfig `server` (client-go accepts host:port and defaults to https).
/// Throws ConfigError.
Endpoint ParseServer(const std::string& server);

/// The sockets of a client's connections being made or read, so that Cancel, from any
/// thread, ends a blocking connect, handshake or read at once. Only the kernel socket is
/// shut down: the TLS state stays with the thread using it, which sees the connection end.
class OpenSockets {
 public:
  using Fd = std::intptr_t;  // a descriptor, or a Winsock SOCKET
  void Add(Fd fd);
  void Remove(Fd fd);
  void Cancel();
  bool cancelled() const;

 private:
  mutable std::mutex mutex_;
  std::set<Fd> fds_;
  bool cancelled_ = false;
};

/// A socket listed in OpenSockets for as long as this lives (none when `sockets` is null).
class OpenSocket {
 public:
  OpenSocket() = default;
  OpenSocket(std::shared_ptr<OpenSockets> sockets, OpenSockets::Fd fd);
  OpenSocket(OpenSocket&& other) noexcept;
  OpenSocket& operator=(OpenSocket&& other) noexcept;
  ~OpenSocket();

 private:
  void Release();
  std::shared_ptr<OpenSockets> sockets_;
  OpenSockets::Fd fd_ = -1;
};

/// How to open a session to an endpoint.
struct SessionOptions {
  Poco::Net::Context::Ptr tls;  // https only
  std::string server_name;      // sent as SNI and verified: tls-server-name, else the host
  std::optional<Proxy> proxy;
  std::chrono::milliseconds connect_timeout{30000};
  std::chrono::milliseconds tls_handshake_timeout{10000};  // client-go's transport default
  std::chrono::milliseconds request_timeout{0};  // --request-timeout when set (Client.Timeout)
  std::chrono::milliseconds receive_timeout{60000};
  std::shared_ptr<OpenSockets> sockets;  // where connections register to be cancellable
};

/// A new, unconnected session kept alive between requests (HTTP/1.1 keep-alive); it
/// connects with the first request, and again when the server closed the connection.
std::unique_ptr<Poco::Net::HTTPClientSession> NewSession(const Endpoint& endpoint,
                                                         const SessionOptions& options);

/// Gives a session (and its connection, when it has one: a session used again) the
/// timeouts of `options`, as NewSession does.
void SetTimeouts(Poco::Net::HTTPClientSession& session, const Endpoint& endpoint,
                 const SessionOptions& options);

/// True when the exception being handled, raised by a request on a connection that had
/// already served one, says the server had closed it before answering (no byte of a
/// response came): Go's http.Transport retries such a request once on a new connection.
bool ClosedBeforeAnswering();

/// Rethrows the exception being handled as a ConnectionError worded as Go's net and
/// crypto/tls errors (what kubectl prints after "Unable to connect to the server: ").
[[noreturn]] void RethrowAsConnectionError(const Endpoint& endpoint, const SessionOptions& options);

}  // namespace pvcwatch::rest
