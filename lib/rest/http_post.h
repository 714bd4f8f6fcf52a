#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace pvcwatch::rest {

/// Where a POST goes and how it is made: an http(s) URL (user:password in it become
/// basic auth), the CA bundle to trust ("" for the system trust store), the environment's
/// proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) and one timeout for connecting and for each
/// read.
struct PostTarget {
  std::string url;
  std::string ca_file;
  std::chrono::milliseconds timeout{10000};
};

/// Why `url` cannot be posted to ("the URL's scheme must be https or http"), or nullopt;
/// never quotes the URL.
std::optional<std::string> PostUrlError(const std::string& url);

/// What came back: the status and its Retry-After header; the body is read and dropped.
struct PostResult {
  int status = 0;
  std::string retry_after;
};

/// Posts documents to one URL, one at a time, from one thread; Cancel (from any thread)
/// ends the one under way at once. The URL can hold a secret (a chat webhook's path, a
/// password), so no message of ours quotes more of it than `name()`.
class Poster {
 public:
  /// Throws ConfigError for a URL that is not http(s)://host[:port]/..., or a CA bundle
  /// that cannot be used.
  explicit Poster(PostTarget target);
  ~Poster();
  Poster(const Poster&) = delete;
  Poster& operator=(const Poster&) = delete;

  /// Throws ConnectionError (worded as Go's net and crypto/tls errors) when no answer came.
  PostResult Post(const std::string& content_type, const std::string& body);
  void Cancel();

  /// scheme://host:port: what messages may say of the URL.
  const std::string& name() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pvcwatch::rest
