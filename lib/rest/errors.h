#pragma once

#include <stdexcept>
#include <string>

namespace pvcwatch::rest {

/// The server answered with a failure `Status` (or a bare HTTP error code).
class StatusError : public std::runtime_error {
 public:
  StatusError(int code, std::string reason, std::string message, int retry_after_seconds = 0)
      : std::runtime_error(message),
        code_(code),
        reason_(std::move(reason)),
        retry_after_seconds_(retry_after_seconds) {}
  int code() const { return code_; }
  /// Retry-After (header, or the Status's details.retryAfterSeconds); 0 when absent.
  int retry_after_seconds() const { return retry_after_seconds_; }
  /// The Status reason (Forbidden, NotFound, Expired, ...); may be empty.
  const std::string& reason() const { return reason_; }

 private:
  int code_;
  std::string reason_;
  int retry_after_seconds_;
};

/// The server could not be reached or the connection broke (DNS, refused, TLS, reset,
/// timeout). `host` is host:port; `refused` marks a refused TCP connection.
class ConnectionError : public std::runtime_error {
 public:
  ConnectionError(std::string host, const std::string& detail, bool refused = false)
      : std::runtime_error(detail), host_(std::move(host)), refused_(refused) {}
  const std::string& host() const { return host_; }
  bool refused() const { return refused_; }

 private:
  std::string host_;
  bool refused_;
};

/// The configuration cannot be used to make a request (bad server URL, unreadable
/// certificate, a credential that would go out in clear).
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace pvcwatch::rest
