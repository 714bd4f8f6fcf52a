#include "metrics/server.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <stdexcept>

namespace pvcwatch::metrics {
namespace {

using Poco::Net::HTTPResponse;

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(const Endpoints& endpoints) : endpoints_(endpoints) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    std::string path = request.getURI();
    path = path.substr(0, path.find('?'));
    const bool read = request.getMethod() == "GET" || request.getMethod() == "HEAD";
    std::string body;
    if (!read) {
      response.setStatus(HTTPResponse::HTTP_METHOD_NOT_ALLOWED);
      body = "method not allowed\n";
    } else if (path == "/metrics") {
      const Format format = Negotiate(request.get("Accept", ""));
      response.setContentType(ContentType(format));
      body = endpoints_.metrics(format);
    } else if (path == "/healthz") {
      body = "ok\n";
    } else if (path == "/readyz") {
      const bool ready = endpoints_.ready();
      if (!ready) response.setStatus(HTTPResponse::HTTP_SERVICE_UNAVAILABLE);
      body = ready ? "ok\n" : "not ready: the first list or the watch is not done\n";
    } else {
      response.setStatus(HTTPResponse::HTTP_NOT_FOUND);
      body = "not found\n";
    }
    if (response.getContentType() == HTTPResponse::UNKNOWN_CONTENT_TYPE) {
      response.setContentType("text/plain; charset=utf-8");
    }
    response.setContentLength(static_cast<std::streamsize>(body.size()));
    std::ostream& out = response.send();
    if (request.getMethod() != "HEAD") out << body;
  }

 private:
  const Endpoints& endpoints_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(const Endpoints& endpoints) : endpoints_(endpoints) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new Handler(endpoints_);
  }

 private:
  Endpoints endpoints_;
};

}  // namespace

Server::Server(const std::string& address, Endpoints endpoints) {
  try {
    // ":9090" listens on every IPv4 address, as Go's net.Listen does for IPv4 (Poco needs
    // the host).
    const std::string host_port = address.rfind(':', 0) == 0 ? "0.0.0.0" + address : address;
    Poco::Net::ServerSocket socket{Poco::Net::SocketAddress(host_port)};
    port_ = socket.address().port();
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(2);  // a scraper or two; a slow one cannot pile up threads
    params->setMaxQueued(16);
    params->setTimeout(Poco::Timespan(10, 0));
    params->setKeepAlive(false);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(endpoints), socket, params);
    server_->start();
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("--metrics-addr " + address + ": " + e.displayText());
  }
}

Server::~Server() {
  if (server_) server_->stopAll(true);
}

}  // namespace pvcwatch::metrics
