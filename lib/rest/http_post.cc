#include "rest/http_post.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>

#include <istream>
#include <ostream>

#include "go/httpproxy.h"
#include "go/net.h"
#include "rest/config.h"
#include "rest/errors.h"
#include "rest/proxy.h"
#include "rest/session.h"
#include "rest/tls_context.h"
#include "version.h"

namespace pvcwatch::rest {

struct Poster::Impl {
  Endpoint endpoint;
  std::string path;  // with the query
  std::string username, password;
  std::string name;
  SessionOptions options;
};

namespace {

// The URL taken apart, or why it cannot be (in words that do not quote it).
std::optional<std::string> ParseUrl(const std::string& url, Poco::URI& uri) {
  try {
    uri = Poco::URI(url);
  } catch (const Poco::Exception&) {
    return "not a URL";
  }
  if (uri.getScheme() != "https" && uri.getScheme() != "http") {
    return "the URL's scheme must be https or http";
  }
  if (uri.getHost().empty()) return "the URL has no host";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> PostUrlError(const std::string& url) {
  Poco::URI uri;
  return ParseUrl(url, uri);
}

Poster::Poster(PostTarget target) : impl_(std::make_unique<Impl>()) {
  Poco::URI uri;
  if (std::optional<std::string> error = ParseUrl(target.url, uri)) throw ConfigError(*error);
  Endpoint& e = impl_->endpoint;
  e.https = uri.getScheme() == "https";
  e.host = uri.getHost();
  e.port = uri.getPort();
  e.host_port = go::JoinHostPort(e.host, std::to_string(e.port));
  impl_->name = uri.getScheme() + "://" + e.host_port;
  impl_->path = uri.getPathEtc().empty() ? "/" : uri.getPathEtc();
  const std::string& info = uri.getUserInfo();
  const std::size_t colon = info.find(':');
  impl_->username = info.substr(0, colon);
  if (colon != std::string::npos) impl_->password = info.substr(colon + 1);

  SessionOptions& o = impl_->options;
  o.server_name = e.host;
  o.proxy = ProxyFor("", go::ProxyEnvironment::FromProcess(), uri.getScheme(), e.host, e.port);
  o.connect_timeout = target.timeout;
  o.tls_handshake_timeout = target.timeout;
  o.receive_timeout = target.timeout;
  o.request_timeout = target.timeout;
  o.sockets = std::make_shared<OpenSockets>();
  if (e.https) {
    Config tls;
    tls.ca_file = target.ca_file;
    o.tls = NewTlsContext(tls, o.server_name);
  }
}

Poster::~Poster() = default;

PostResult Poster::Post(const std::string& content_type, const std::string& body) {
  const Impl& p = *impl_;
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, p.path,
                                 Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentType(content_type);
  request.setContentLength(static_cast<std::streamsize>(body.size()));
  request.set("User-Agent", "kubectl-pvcwatch/" + std::string(Version()));
  if (!p.username.empty() || !p.password.empty()) {
    Poco::Net::HTTPBasicCredentials(p.username, p.password).authenticate(request);
  }
  std::unique_ptr<Poco::Net::HTTPClientSession> session = NewSession(p.endpoint, p.options);
  PostResult result;
  try {
    ClearVerificationError();
    std::ostream& out = session->sendRequest(request);
    OpenSocket open(p.options.sockets, session->socket().impl()->sockfd());
    out << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session->receiveResponse(response);
    result.status = static_cast<int>(response.getStatus());
    result.retry_after = response.get("Retry-After", "");
    // Drained (up to a bound) so the receiver sees a clean end; what it says is not used.
    char sink[4096];
    for (int i = 0; i < 256 && in.read(sink, sizeof sink); ++i) {
    }
  } catch (...) {
    RethrowAsConnectionError(p.endpoint, p.options);
  }
  return result;
}

void Poster::Cancel() { impl_->options.sockets->Cancel(); }

const std::string& Poster::name() const { return impl_->name; }

}  // namespace pvcwatch::rest
