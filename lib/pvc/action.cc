#include "pvc/action.h"

#include "go/exec.h"
#include "go/os.h"

namespace pvcwatch::pvc {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::chrono::milliseconds kPoll{20};

std::string Field(const ActionRunner::Env& env, const std::string& key) {
  auto it = env.find(key);
  return it == env.end() ? "" : it->second;
}

}  // namespace

ActionRunner::ActionRunner(std::string command, ActionLimits limits, Reporter report)
    : command_(std::move(command)), limits_(limits), report_(std::move(report)) {
  supervisor_ = std::thread(&ActionRunner::Supervise, this);
}

ActionRunner::~ActionRunner() {
  Stop();
  if (supervisor_.joinable()) supervisor_.join();
}

void ActionRunner::Start(const Env& env) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    if (queued_.empty() && running_.size() < limits_.max_running) {
      Spawn(env);  // at once: the supervisor would be a wake-up late
      wake_.notify_all();
      return;
    }
    queued_.push_back(env);
    // Only the newest crossing waits for a free slot; older waiting ones are moot.
    while (queued_.size() > 1) {
      const Env& moot = queued_.front();
      reports_.push_back("action for " + Field(moot, "PVCWATCH_EVENT") + " at " +
                         Field(moot, "PVCWATCH_TOTAL") +
                         " skipped: " + std::to_string(running_.size()) +
                         " actions still running and a later crossing came");
      queued_.pop_front();
    }
  }
  wake_.notify_all();
}

void ActionRunner::Supervise() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    Reap();
    while (!queued_.empty() && running_.size() < limits_.max_running) {
      Spawn(queued_.front());
      queued_.pop_front();
    }
    if (!reports_.empty()) {
      std::vector<std::string> reports = std::move(reports_);
      reports_.clear();
      lock.unlock();
      for (const std::string& line : reports) report_(line);
      lock.lock();
      continue;
    }
    if (running_.empty()) {
      // Start may have spawned one itself: then it is polled from here on.
      wake_.wait(lock, [&] {
        return stopping_ || !queued_.empty() || !reports_.empty() || !running_.empty();
      });
    } else {
      wake_.wait_for(lock, kPoll);  // children are polled; SIGCHLD belongs to nobody here
    }
  }
  // What is still to be said (a crossing skipped just before the end) is said.
  std::vector<std::string> reports = std::move(reports_);
  reports_.clear();
  lock.unlock();
  for (const std::string& line : reports) report_(line);
  lock.lock();
  supervisor_done_ = true;
  finished_.notify_all();
}

void ActionRunner::Spawn(const Env& env) {
  // The child's environment: ours, with the PVCWATCH_* variables replaced.
  std::vector<std::string> entries;
  for (std::string& entry : go::Environ()) {
    if (env.count(entry.substr(0, entry.find('='))) == 0) entries.push_back(std::move(entry));
  }
  for (const auto& [key, value] : env) entries.push_back(key + "=" + value);
  std::string error;
  // A process group of its own lets a timeout or Stop end everything it started.
  std::optional<go::ProcessGroup> process = go::ProcessGroup::StartShell(command_, entries, &error);
  if (!process) {
    reports_.push_back("action could not start: " + error);
    return;
  }
  running_.push_back({*process, Clock::now() + limits_.timeout});
}

void ActionRunner::Reap() {
  std::vector<Running> still;
  for (Running& action : running_) {
    std::optional<go::ExitStatus> status = action.process.Poll();
    if (!status && Clock::now() < action.deadline) {
      still.push_back(action);
      continue;
    }
    if (!status) {
      action.process.Kill();
      action.process.Wait();
      reports_.push_back("action timed out after " +
                         std::to_string(limits_.timeout.count() / 1000) +
                         " s and was killed: " + command_);
    } else if (status->signal != 0) {
      reports_.push_back("action killed by signal " + std::to_string(status->signal) + ": " +
                         command_);
    } else if (status->exit_code != 0) {
      reports_.push_back("action failed with exit status " + std::to_string(status->exit_code) +
                         ": " + command_);
    }
  }
  running_ = std::move(still);
}

void ActionRunner::Stop() {
  std::vector<Running> ending;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
    queued_.clear();
    ending = std::move(running_);  // ours now: the supervisor reaps nothing more
    running_.clear();
  }
  wake_.notify_all();
  for (const Running& action : ending) action.process.Terminate();
  const auto deadline = Clock::now() + limits_.stop_grace;
  for (const Running& action : ending) {
    while (!action.process.Ended() && Clock::now() < deadline) std::this_thread::sleep_for(kPoll);
  }
  // Whatever is left of each group (a leader that ignored SIGTERM, or its children).
  for (const Running& action : ending) action.process.Kill();
  for (Running& action : ending) action.process.Wait();
}

bool ActionRunner::Join(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  if (!finished_.wait_for(lock, wait, [&] { return supervisor_done_; })) return false;
  lock.unlock();
  if (supervisor_.joinable()) supervisor_.join();
  return true;
}

}  // namespace pvcwatch::pvc
