#include <pthread.h>
#include <signal.h>

#include <cstring>

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

// pthread_t is an integer on Linux and a pointer on macOS: kept as its bytes.
static_assert(sizeof(pthread_t) <= sizeof(std::uintptr_t));

SignalWaiter::SignalWaiter() : thread_(0) {
  const pthread_t self = pthread_self();
  std::memcpy(&thread_, &self, sizeof self);
}

SignalWaiter::Cause SignalWaiter::Wait() {
  const sigset_t signals = EndSignals();
  int signal = 0;
  sigwait(&signals, &signal);
  return signal == SIGUSR1 ? Cause::kWoken : Cause::kSignal;
}

void SignalWaiter::Wake() const {
  pthread_t thread;
  std::memcpy(&thread, &thread_, sizeof thread);
  pthread_kill(thread, SIGUSR1);
}

void SignalWaiter::DropWakes() {
  sigset_t wake;
  sigemptyset(&wake);
  sigaddset(&wake, SIGUSR1);
  // sigpending and sigwait, not sigtimedwait: macOS has no sigtimedwait.
  sigset_t pending;
  int signal = 0;
  while (sigpending(&pending) == 0 && sigismember(&pending, SIGUSR1) == 1) {
    sigwait(&wake, &signal);
  }
}

}  // namespace pvcwatch::go
