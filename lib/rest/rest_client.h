#pragma once

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "clock/clock.h"
#include "rest/config.h"

namespace pvcwatch::rest {

/// What came back from a request: HTTP status, the headers we act on, and the body.
struct Response {
  int status = 0;
  std::string content_type;
  std::string retry_after;  // the Retry-After header, if any
  std::string body;
};

/// A streaming response body read line by line (a watch).
class LineStream {
 public:
  virtual ~LineStream() = default;
  /// The next line without its newline, or nullopt at the clean end of the body.
  /// Throws ConnectionError when the connection breaks or stalls past the read timeout,
  /// and when a line is longer than `max_line` bytes.
  virtual std::optional<std::string> NextLine() = 0;
};

/// A response body read as it arrives (a list decoded item by item).
class BodyStream {
 public:
  virtual ~BodyStream() = default;
  /// Reads `size` bytes into `data`, waiting for them; fewer only at the end of the body
  /// (0 once it is over). Throws ConnectionError when the connection breaks or stalls past
  /// the read timeout.
  virtual size_t Read(char* data, size_t size) = 0;
};

/// A body already in memory, read as a stream (a page decoded by a streaming reader).
class MemoryBody : public BodyStream {
 public:
  explicit MemoryBody(std::string_view bytes) : rest_(bytes) {}
  size_t Read(char* data, size_t size) override {
    const size_t n = std::min(size, rest_.size());
    std::copy_n(rest_.data(), n, data);
    rest_.remove_prefix(n);
    return n;
  }

 private:
  std::string_view rest_;
};

/// An HTTP(S) client for one API server, as one user: client certificates, bearer tokens
/// or an exec credential plugin; directly or through an http:// proxy (proxy-url, else
/// HTTPS_PROXY/HTTP_PROXY and NO_PROXY). Poco stays behind this header.
class RestClient {
 public:
  /// Validates the config, chooses the proxy and builds the TLS context. Throws
  /// ConfigError (e.g. for a socks5:// proxy). Retry-After waits go through `clock`: once
  /// it is stopped, a request waiting to be retried returns the answer it has.
  RestClient(Config config, clock::Clock& clock);
  ~RestClient();
  RestClient(const RestClient&) = delete;
  RestClient& operator=(const RestClient&) = delete;

  /// GET `path_and_query` (which starts with '/') and read the whole body. Any HTTP
  /// status is returned, not thrown; throws ConnectionError when there is no answer or
  /// the exec plugin fails. A 401 to exec credentials reruns the plugin and retries once;
  /// a 429 or 5xx with Retry-After is retried after that wait, as client-go does.
  Response Get(const std::string& path_and_query, const std::string& accept);

  /// A request with a body (POST, PATCH), `content_type` naming it; answered, retried
  /// and authenticated as Get.
  Response Send(const std::string& method, const std::string& path_and_query,
                const std::string& content_type, const std::string& body,
                const std::string& accept = "application/json");

  /// GET a streaming body. When the status is 200 the body stays open in the returned
  /// stream; otherwise the body is read into `head.body` and the stream is null.
  /// `read_timeout` bounds the wait for each piece of the body. Credentials as for Get.
  std::unique_ptr<LineStream> Stream(const std::string& path_and_query, Response& head,
                                     std::chrono::seconds read_timeout, size_t max_line);

  /// GET a body to read as it arrives, with `accept`. When the status is 200 the body
  /// stays open in the returned stream; otherwise it is read into `head.body` and the
  /// stream is null. Credentials as for Get.
  std::unique_ptr<BodyStream> Open(const std::string& path_and_query, const std::string& accept,
                                   Response& head, std::chrono::seconds read_timeout);
  /// host:port of the server, for messages.
  const std::string& host() const;

  /// Ends, from another thread, the reads of every response being read now or later
  /// (a watch's stream ends or fails at once); for shutdown. Connecting is not ended,
  /// only bounded by its timeouts.
  void Cancel();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  clock::Clock& clock_;
};

}  // namespace pvcwatch::rest
