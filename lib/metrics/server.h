#pragma once

#include <functional>
#include <memory>
#include <string>

#include "metrics/exposition.h"

namespace Poco::Net {
class HTTPServer;
}

namespace pvcwatch::metrics {

/// What the endpoints answer with; called on the server's threads.
struct Endpoints {
  std::function<std::string(Format)> metrics;  // the /metrics body
  std::function<bool()> ready;                 // /readyz: 200 when true, else 503
};

/// --metrics-addr: /metrics (the text format, or OpenMetrics when Accept asks for it),
/// /healthz (200 while the process serves) and /readyz, over plain HTTP on HOST:PORT.
class Server {
 public:
  /// Listens at once; throws std::runtime_error naming the address when it cannot.
  Server(const std::string& address, Endpoints endpoints);
  ~Server();  // stops listening and waits for the requests under way
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// The port listened on (the one chosen when the address asked for port 0).
  int port() const { return port_; }

 private:
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  int port_ = 0;
};

}  // namespace pvcwatch::metrics
