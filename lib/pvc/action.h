#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "go/exec.h"

namespace pvcwatch::pvc {

/// How long actions may run and how many at once.
struct ActionLimits {
  std::chrono::milliseconds timeout{60000};    // then the action's process group is killed
  std::size_t max_running = 4;                 // a crossing beyond that waits (see Start)
  std::chrono::milliseconds stop_grace{5000};  // Stop: SIGTERM, then SIGKILL after this
};

/// Runs the --exec command on each crossing without blocking the watch. The command is
/// the user's own text, run by the shell (/bin/sh -c; cmd /c on Windows) in a process
/// group of its own; what happened is passed only in environment variables
/// (PVCWATCH_EVENT, ...), never spliced into the command. Every action is supervised until it ends:
/// one thread reaps them, enforces the timeout and starts the waiting one.
class ActionRunner {
 public:
  using Env = std::map<std::string, std::string>;
  using Reporter = std::function<void(const std::string&)>;

  /// `report` receives one line when an action fails, times out, cannot start or is
  /// skipped; it is called from the supervising thread, never with a lock of ours held.
  ActionRunner(std::string command, ActionLimits limits, Reporter report);
  /// Stop(), then joins the supervising thread.
  ~ActionRunner();
  ActionRunner(const ActionRunner&) = delete;
  ActionRunner& operator=(const ActionRunner&) = delete;

  /// Starts the command with `env` added to our environment; returns at once. With
  /// `max_running` actions still running it waits instead, and a later crossing takes its
  /// place (crossings alternate, so the latest is the state to act on): a flapping total
  /// cannot pile up processes.
  void Start(const Env& env);

  /// Ends every running action (SIGTERM to its process group, SIGKILL to what is left
  /// after `stop_grace`) and drops a waiting one; returns once all are reaped. Later
  /// Start calls do nothing.
  void Stop();

  /// Joins the supervising thread unless it is still busy after `wait` (it is then
  /// blocked in `report`, e.g. behind a full stdout); true when joined.
  bool Join(std::chrono::milliseconds wait);

 private:
  struct Running {
    go::ProcessGroup process;
    std::chrono::steady_clock::time_point deadline;
  };
  void Supervise();
  void Spawn(const Env& env);  // mutex_ held
  void Reap();                 // mutex_ held

  std::string command_;
  ActionLimits limits_;
  Reporter report_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable finished_;
  std::vector<Running> running_;
  std::deque<Env> queued_;
  std::vector<std::string> reports_;  // said by the supervisor, outside the lock
  bool stopping_ = false;
  bool supervisor_done_ = false;
  std::thread supervisor_;
};

}  // namespace pvcwatch::pvc
