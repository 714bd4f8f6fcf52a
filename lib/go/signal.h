#pragma once

// Go's os/signal, for the end of a watch: SIGINT and SIGTERM (on Windows Ctrl-C,
// Ctrl-Break and the closing of the console), taken by one waiting thread, which the
// program's own threads can also wake. signal_posix.cc and signal_windows.cc implement it.

#include <cstdint>

namespace pvcwatch::go {

/// signal.Notify for SIGINT and SIGTERM: from now on they no longer end the process but
/// are kept for SignalWaiter::Wait. On POSIX they (and the wake-up signal) are blocked
/// in this thread and the threads it starts later; call it before starting them.
void NotifyEndSignals();

/// The thread that waits for the end: made by that thread, woken from any other.
class SignalWaiter {
 public:
  enum class Cause { kSignal, kWoken };

  SignalWaiter();
  /// Waits for SIGINT/SIGTERM or a Wake, whichever comes first.
  Cause Wait();
  /// Makes Wait return kWoken (a pending Wake is kept until then).
  void Wake() const;
  /// Forgets the Wakes not waited for, so that none outlives the waiter.
  void DropWakes();

 private:
  [[maybe_unused]] std::uintptr_t thread_;  // POSIX: the pthread_t to signal
};

}  // namespace pvcwatch::go
