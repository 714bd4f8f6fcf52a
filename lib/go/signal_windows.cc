#include <windows.h>

#include <condition_variable>
#include <mutex>

#include "go/signal.h"

namespace pvcwatch::go {
namespace {

// What the console handler and Wake leave for Wait.
struct Pending {
  std::mutex mutex;
  std::condition_variable changed;
  bool signal = false;
  int wakes = 0;
};

Pending& pending() {
  static Pending* state = new Pending;  // never destroyed: the handler may run at exit
  return *state;
}

// Runs on a thread the system starts. Ctrl-C and Ctrl-Break are SIGINT for Go; closing
// the console is SIGTERM, after which Windows ends the process when the handler returns
// (or after 5 s): it returns only when that time is nearly up, so the watch can end
// itself first.
BOOL WINAPI OnConsoleEvent(DWORD event) {
  if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT && event != CTRL_CLOSE_EVENT) {
    return FALSE;
  }
  {
    std::lock_guard lock(pending().mutex);
    pending().signal = true;
  }
  pending().changed.notify_all();
  if (event == CTRL_CLOSE_EVENT) ::Sleep(4500);
  return TRUE;
}

}  // namespace

void NotifyEndSignals() { ::SetConsoleCtrlHandler(OnConsoleEvent, TRUE); }

SignalWaiter::SignalWaiter() : thread_(0) {}

SignalWaiter::Cause SignalWaiter::Wait() {
  std::unique_lock lock(pending().mutex);
  pending().changed.wait(lock, [] { return pending().signal || pending().wakes > 0; });
  if (pending().signal) return Cause::kSignal;
  --pending().wakes;
  return Cause::kWoken;
}

void SignalWaiter::Wake() const {
  {
    std::lock_guard lock(pending().mutex);
    ++pending().wakes;
  }
  pending().changed.notify_all();
}

void SignalWaiter::DropWakes() {
  std::lock_guard lock(pending().mutex);
  pending().wakes = 0;
}

}  // namespace pvcwatch::go
