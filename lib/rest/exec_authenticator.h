#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "rest/config.h"
#include "rest/exec_credential.h"

namespace pvcwatch::rest {

/// Runs a kubeconfig user's exec credential plugin and caches its credential, as
/// client-go's exec.Authenticator does: until its expirationTimestamp has passed, or
/// until a request made with it is answered 401.
class ExecAuthenticator {
 public:
  /// What the authenticator reads from the outside world; tests replace parts of it.
  struct Environment {
    std::function<std::chrono::system_clock::time_point()> now;
    std::function<bool()> stdin_is_terminal;
    std::function<std::vector<std::string>()> environment;  // "NAME=value", ours (never modified)
    /// A plugin that runs longer is killed: client-go waits forever, we do not.
    std::chrono::milliseconds timeout{std::chrono::seconds(60)};
    /// The limit when the plugin has our terminal (it may be waiting for a login).
    std::chrono::milliseconds interactive_timeout{std::chrono::minutes(10)};
    std::size_t max_output = 1 << 20;
  };
  /// The real clock, isatty(0) and this process's environment.
  static Environment ProcessEnvironment();

  /// Throws ConfigError when `config.api_version` is not v1 or v1beta1.
  ExecAuthenticator(ExecConfig config, std::optional<ExecClusterInfo> cluster,
                    Environment environment = ProcessEnvironment());

  /// The cached credential, or a fresh one from the plugin when there is none or it has
  /// expired. Throws ExecError in client-go's words ("exec: executable x not found").
  std::shared_ptr<const ExecCredential> Get();

  /// After a 401 to a request made with `used`: runs the plugin again unless the
  /// credential has already rotated. True when a credential other than `used` is cached
  /// now; a failing plugin leaves `used` in place and gives false (client-go only logs).
  bool RefreshAfterUnauthorized(const std::shared_ptr<const ExecCredential>& used);

  /// How many times the plugin has run.
  int runs() const;

 private:
  std::shared_ptr<const ExecCredential> RunLocked();
  bool Interactive() const;
  std::string NotFoundMessage();

  ExecConfig config_;
  std::string command_;  // filepath.Clean(config.command), as client-go keeps it
  std::optional<ExecClusterInfo> cluster_;
  Environment environment_;

  mutable std::mutex mutex_;
  std::shared_ptr<const ExecCredential> cached_;
  int runs_ = 0;
  // client-go shows the install hint at most 10 times an hour ("sometimes").
  std::chrono::system_clock::time_point hint_window_{};
  int hints_in_window_ = 0;
};

}  // namespace pvcwatch::rest
