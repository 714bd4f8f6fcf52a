#include <pthread.h>
#include <signal.h>

#include <ctime>

#include "go/signal.h"

namespace pvcwatch::go {
namespace {

sigset_t EndSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGUSR1);  // a Wake
  return signals;
}

}  // namespace

// Taken with sigwait by one thread: the others may sit in a blocking read for minutes,
// and a handler could neither end that promptly nor do anything else safely.
void NotifyEndSignals() {
  const sigset_t signals = EndSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

SignalWaiter::SignalWaiter() : thread_(static_cast<std::uintptr_t>(pthread_self())) {}

SignalWaiter::Cause SignalWaiter::Wait() {
  const sigset_t signals = EndSignals();
  int signal = 0;
  sigwait(&signals, &signal);
  return signal == SIGUSR1 ? Cause::kWoken : Cause::kSignal;
}

void SignalWaiter::Wake() const { pthread_kill(static_cast<pthread_t>(thread_), SIGUSR1); }

void SignalWaiter::DropWakes() {
  sigset_t wake;
  sigemptyset(&wake);
  sigaddset(&wake, SIGUSR1);
  const timespec now{0, 0};
  while (sigtimedwait(&wake, nullptr, &now) > 0) {
  }
}

}  // namespace pvcwatch::go
