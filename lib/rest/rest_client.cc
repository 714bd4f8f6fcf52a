#include "rest/rest_client.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/URI.h>

#include <fstream>
#include <sstream>

#include "rest/errors.h"
#include "rest/tls_context.h"

#ifndef PVCWATCH_VERSION
#define PVCWATCH_VERSION "v0.0.0"
#endif

namespace pvcwatch::rest {
namespace {

// A list page is about 1 MB at limit=500; anything near this is a broken server.
constexpr size_t kMaxBody = 256u << 20;

// An HTTPS session that checks the server certificate against tls-server-name (and sends
// it as SNI) instead of the URL's host, as client-go's TLSClientConfig.ServerName does.
class ServerNameSession : public Poco::Net::HTTPSClientSession {
 public:
  ServerNameSession(const std::string& host, Poco::UInt16 port, Poco::Net::Context::Ptr context,
                    std::string server_name)
      : HTTPSClientSession(host, port, context), server_name_(std::move(server_name)) {}

 protected:
  void connect(const Poco::Net::SocketAddress& address) override {
    if (!server_name_.empty()) {
      Poco::Net::SecureStreamSocket(socket()).setPeerHostName(server_name_);
    }
    HTTPSClientSession::connect(address);
  }

 private:
  std::string server_name_;
};

struct Endpoint {
  bool https = true;
  std::string host;
  Poco::UInt16 port = 443;
  std::string path_prefix;  // without a trailing '/'
  std::string host_port;
};

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
  bool ipv6 = endpoint.host.find(':') != std::string::npos;
  endpoint.host_port = (ipv6 ? "[" + endpoint.host + "]" : endpoint.host) + ":" +
                       std::to_string(endpoint.port);
  return endpoint;
}

std::string ReadCapped(std::istream& in, size_t cap, const std::string& host) {
  std::string body;
  char buf[16384];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    body.append(buf, static_cast<size_t>(in.gcount()));
    if (body.size() > cap) {
      throw ConnectionError(host, "response body larger than " + std::to_string(cap >> 20) +
                                      " MiB");
    }
  }
  if (in.bad()) throw ConnectionError(host, "connection broken while reading the response");
  return body;
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

// Translates Poco's exceptions into the errors callers handle, worded as Go's net
// and crypto/tls errors (what kubectl users see after "Unable to connect to the server:").
[[noreturn]] void RethrowAsConnectionError(const Endpoint& endpoint,
                                         const std::string& tls_server_name) {
  const std::string& hp = endpoint.host_port;
  try {
    throw;
  } catch (const Poco::Net::ConnectionRefusedException&) {
    throw ConnectionError(hp, "dial tcp " + hp + ": connect: connection refused", true);
  } catch (const Poco::Net::HostNotFoundException&) {
    throw ConnectionError(hp, "dial tcp: lookup " + endpoint.host + ": no such host");
  } catch (const Poco::Net::NoAddressFoundException&) {
    throw ConnectionError(hp, "dial tcp: lookup " + endpoint.host + ": no such host");
  } catch (const Poco::Net::CertificateValidationException&) {
    std::string name = tls_server_name.empty() ? endpoint.host : tls_server_name;
    throw ConnectionError(hp, "tls: failed to verify certificate: x509: certificate is not valid for " + name);
  } catch (const Poco::Net::SSLException& e) {
    std::string why = LastVerificationError();
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

}  // namespace

struct RestClient::Impl {
  Config config;
  Endpoint endpoint;
  Poco::Net::Context::Ptr tls;

  std::unique_ptr<Poco::Net::HTTPClientSession> NewSession(std::chrono::seconds read_timeout) {
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (endpoint.https) {
      session = std::make_unique<ServerNameSession>(endpoint.host, endpoint.port, tls,
                                                    config.tls_server_name);
    } else {
      session = std::make_unique<Poco::Net::HTTPClientSession>(endpoint.host, endpoint.port);
    }
    auto connect = config.timeout.count() > 0
                       ? Poco::Timespan(config.timeout.count() * 1000)
                       : Poco::Timespan(30, 0);
    Poco::Timespan receive(read_timeout.count(), 0);
    if (config.timeout.count() > 0 && config.timeout < read_timeout) {
      receive = Poco::Timespan(config.timeout.count() * 1000);
    }
    session->setTimeout(connect, connect, receive);
    return session;
  }

  std::string BearerToken() const {
    if (!config.bearer_token.empty()) return config.bearer_token;
    if (config.bearer_token_file.empty()) return {};
    // Re-read on every request: projected service account tokens are rotated in place.
    std::ifstream in(config.bearer_token_file);
    if (!in) throw ConfigError("unable to read token file " + config.bearer_token_file);
    std::ostringstream text;
    text << in.rdbuf();
    return Trim(text.str());
  }

  Poco::Net::HTTPRequest NewRequest(const std::string& path_and_query,
                                    const std::string& accept) const {
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET,
                                   endpoint.path_prefix + path_and_query,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Accept", accept);
    request.set("User-Agent", std::string("kubectl-pvcwatch/") + PVCWATCH_VERSION +
                                  " (linux/amd64) kubernetes/plugin");
    std::string token = BearerToken();
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

  [[noreturn]] void Rethrow() const {
    RethrowAsConnectionError(endpoint, config.tls_server_name);
  }

};

namespace {

class PocoLineStream : public LineStream {
 public:
  PocoLineStream(std::unique_ptr<Poco::Net::HTTPClientSession> session, std::istream& body,
                 size_t max_line, Endpoint endpoint, std::string tls_server_name)
      : session_(std::move(session)),
        body_(body),
        max_line_(max_line),
        endpoint_(std::move(endpoint)),
        tls_server_name_(std::move(tls_server_name)) {}

  std::optional<std::string> NextLine() override {
    std::string line;
    try {
      // Straight from the streambuf so socket exceptions reach us instead of badbit.
      std::streambuf* buf = body_.rdbuf();
      for (;;) {
        int c = buf->sbumpc();
        if (c == std::char_traits<char>::eof()) {
          if (line.empty()) return std::nullopt;
          return line;
        }
        if (c == '\n') return line;
        if (line.size() >= max_line_) {
          throw ConnectionError(endpoint_.host_port,
                                "watch event longer than " + std::to_string(max_line_) + " bytes");
        }
        line.push_back(static_cast<char>(c));
      }
    } catch (const ConnectionError&) {
      throw;
    } catch (...) {
      RethrowAsConnectionError(endpoint_, tls_server_name_);
    }
  }

 private:
  std::unique_ptr<Poco::Net::HTTPClientSession> session_;
  std::istream& body_;
  size_t max_line_;
  Endpoint endpoint_;
  std::string tls_server_name_;
};

}  // namespace

RestClient::RestClient(Config config) : impl_(std::make_unique<Impl>()) {
  impl_->config = std::move(config);
  impl_->endpoint = ParseServer(impl_->config.host);
  if (impl_->endpoint.https) impl_->tls = NewTlsContext(impl_->config);
}

RestClient::~RestClient() = default;

const std::string& RestClient::host() const { return impl_->endpoint.host_port; }

Response RestClient::Get(const std::string& path_and_query, const std::string& accept) {
  Poco::Net::HTTPRequest request = impl_->NewRequest(path_and_query, accept);
  auto session = impl_->NewSession(std::chrono::seconds(60));
  Response response;
  try {
    ClearVerificationError();
    session->sendRequest(request);
    Poco::Net::HTTPResponse head;
    std::istream& body = session->receiveResponse(head);
    response.status = static_cast<int>(head.getStatus());
    response.content_type = head.getContentType();
    response.retry_after = head.get("Retry-After", "");
    response.body = ReadCapped(body, kMaxBody, impl_->endpoint.host_port);
  } catch (const ConnectionError&) {
    throw;
  } catch (...) {
    impl_->Rethrow();
  }
  return response;
}

std::unique_ptr<LineStream> RestClient::Stream(const std::string& path_and_query, Response& head,
                                               std::chrono::seconds read_timeout,
                                               size_t max_line) {
  Poco::Net::HTTPRequest request = impl_->NewRequest(path_and_query, "application/json");
  auto session = impl_->NewSession(read_timeout);
  try {
    ClearVerificationError();
    session->sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& body = session->receiveResponse(response);
    head.status = static_cast<int>(response.getStatus());
    head.content_type = response.getContentType();
    head.retry_after = response.get("Retry-After", "");
    if (head.status != 200) {
      head.body = ReadCapped(body, kMaxBody, impl_->endpoint.host_port);
      return nullptr;
    }
    return std::make_unique<PocoLineStream>(std::move(session), body, max_line, impl_->endpoint,
                                            impl_->config.tls_server_name);
  } catch (const ConnectionError&) {
    throw;
  } catch (...) {
    impl_->Rethrow();
  }
}

}  // namespace pvcwatch::rest
