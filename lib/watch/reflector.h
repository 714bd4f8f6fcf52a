#pragma once

#include <functional>
#include <random>
#include <string>

#include "clock/clock.h"
#include "watch/backoff.h"
#include "watch/lister_watcher.h"
#include "watch/store.h"

namespace pvcwatch::watch {

/// What the reflector reports besides store changes (for -v logging and tests).
struct ReflectorObserver {
  std::function<void(const std::string& what)> on_retry;  // a failure it recovers from
  std::function<void()> on_relist;                        // a list (initial or after 410)
  std::function<void(const std::string& resource_version)> on_watch;  // a watch begins
};

/// client-go's list-then-watch loop: list, then watch from the list's resourceVersion
/// with bookmarks; a clean end re-watches without relisting; 410 Gone relists; 429 waits
/// Retry-After; 5xx and broken connections back off; 401/403/404 end the run by throwing.
class Reflector {
 public:
  Reflector(ListerWatcher& lister_watcher, Scope scope, Store& store, clock::Clock& clock,
            uint32_t seed = std::random_device{}());

  /// Runs until the clock is stopped (returns) or a fatal error (throws
  /// rest::StatusError). `on_synced` runs after each completed list.
  void Run(const std::function<void()>& on_synced = {});
  /// Like Run, but the store already holds a list at `resource_version`: start by
  /// watching from there.
  void RunFrom(const std::string& resource_version, const std::function<void()>& on_synced = {});

  void set_observer(ReflectorObserver observer) { observer_ = std::move(observer); }
  void set_page_size(int page_size) { page_size_ = page_size; }
  /// A fixed watch timeout instead of client-go's random 5-10 minutes (tests use a few
  /// seconds to see watches end and resume).
  void set_timeout_seconds(int seconds) { fixed_timeout_seconds_ = seconds; }
  const std::string& resource_version() const { return resource_version_; }

 private:
  enum class Outcome { kRewatch, kRelist };
  void List();
  Outcome WatchOnce();
  /// Decides what a failure means: waits (backoff or Retry-After) and returns, or
  /// rethrows when it is fatal.
  void Recover(std::exception_ptr error);
  int RandomTimeoutSeconds();

  ListerWatcher& lister_watcher_;
  Scope scope_;
  Store& store_;
  clock::Clock& clock_;
  Backoff backoff_;
  std::mt19937 random_;
  std::string resource_version_;
  int page_size_ = 500;
  int fixed_timeout_seconds_ = 0;
  ReflectorObserver observer_;
};

}  // namespace pvcwatch::watch
