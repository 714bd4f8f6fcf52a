#include "pvc/action.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

extern char** environ;

namespace pvcwatch::pvc {

ActionRunner::ActionRunner(std::string command, std::chrono::milliseconds timeout,
                           Reporter report)
    : command_(std::move(command)), timeout_(timeout), report_(std::move(report)) {}

ActionRunner::~ActionRunner() {
  std::lock_guard lock(mutex_);
  for (std::thread& t : supervisors_) t.join();
}

void ActionRunner::Start(const std::map<std::string, std::string>& env) {
  // The child's environment: ours, with the PVCWATCH_* variables replaced.
  std::vector<std::string> entries;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    if (env.count(entry.substr(0, entry.find('='))) == 0) entries.push_back(entry);
  }
  for (const auto& [key, value] : env) entries.push_back(key + "=" + value);
  std::vector<char*> envp;
  for (std::string& entry : entries) envp.push_back(entry.data());
  envp.push_back(nullptr);
  std::string shell = "/bin/sh", dash_c = "-c";
  std::vector<char*> argv{shell.data(), dash_c.data(), command_.data(), nullptr};

  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // The child gets default signal handling and a mask of its own: the watch blocks
  // SIGINT/SIGTERM in every thread, which children must not inherit. Its own process
  // group lets a timeout kill everything it started.
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &all);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF |
                                      POSIX_SPAWN_SETPGROUP);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, shell.c_str(), nullptr, &attr, argv.data(), envp.data());
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    report_("action could not start: " + std::string(std::strerror(rc)));
    return;
  }
  std::lock_guard lock(mutex_);
  supervisors_.emplace_back(&ActionRunner::Supervise, this, pid);
}

void ActionRunner::Supervise(int pid) {
  auto deadline = std::chrono::steady_clock::now() + timeout_;
  int status = 0;
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) return;
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      report_("action timed out after " + std::to_string(timeout_.count() / 1000) +
              " s and was killed: " + command_);
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    report_("action failed with exit status " + std::to_string(WEXITSTATUS(status)) + ": " +
            command_);
  } else if (WIFSIGNALED(status)) {
    report_("action killed by signal " + std::to_string(WTERMSIG(status)) + ": " + command_);
  }
}

}  // namespace pvcwatch::pvc
