#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace pvcwatch::pvc {

/// Runs the --exec command on each crossing without blocking the watch. The command is
/// the user's own text, run by /bin/sh -c; what happened is passed only in environment
/// variables (PVCWATCH_EVENT, PVCWATCH_TOTAL, ...), never spliced into the command.
class ActionRunner {
 public:
  using Reporter = std::function<void(const std::string&)>;

  /// `report` receives one line when an action fails, times out or cannot start.
  ActionRunner(std::string command, std::chrono::milliseconds timeout, Reporter report);
  /// Waits for running actions (each is bounded by the timeout).
  ~ActionRunner();
  ActionRunner(const ActionRunner&) = delete;
  ActionRunner& operator=(const ActionRunner&) = delete;

  /// Starts the command with `env` added to our environment; returns at once.
  void Start(const std::map<std::string, std::string>& env);

 private:
  void Supervise(int pid);

  std::string command_;
  std::chrono::milliseconds timeout_;
  Reporter report_;
  std::mutex mutex_;
  std::vector<std::thread> supervisors_;
};

}  // namespace pvcwatch::pvc
