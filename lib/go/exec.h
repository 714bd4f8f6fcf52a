#pragma once

// Starting programs the way Go's os/exec does: no shell unless asked for, an explicit
// environment, descriptors beyond stderr not passed, default signal handling. Used by
// everything that starts a process: exec credential plugins, kubectl for completion, and
// --exec actions. exec_posix.cc and exec_windows.cc implement it.

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pvcwatch::go {

/// One run of a program: argv without a shell, a complete environment, stdin either
/// inherited (interactive) or /dev/null, stderr inherited, stdout captured.
struct ChildProcessSpec {
  std::string command;  // as configured: argv[0], and looked up in `path` without a '/'
  std::vector<std::string> args;
  std::vector<std::string> env;  // "NAME=value", the child's whole environment
  std::string path;              // the PATH to search (the parent's, as Go's LookPath does)
  bool inherit_stdin = false;
  std::chrono::milliseconds timeout{60000};
  std::size_t max_output = 1 << 20;
};

/// How a run ended. `error` is Go's text for kStartFailed ("no such file or directory").
struct ChildProcessResult {
  enum class Status { kExited, kNotFound, kStartFailed, kTimedOut, kOutputTooLarge };
  Status status = Status::kExited;
  int exit_code = 0;  // kExited: the exit status, or -1 after a signal (Go's ExitCode)
  std::string output;
  std::string error;
};

/// Go's os/exec.LookPath: `command` itself when it has a '/', else the first executable
/// regular file in an absolute `path` entry; "" when there is none. On Windows with
/// PATHEXT's extensions, ';' between entries, and '\', '/' or ':' making a path.
std::string LookPath(const std::string& command, const std::string& path);

/// Runs `spec` to completion, killing the child when it outlives the timeout or writes
/// more than `max_output` bytes. Never throws for the child's failures.
ChildProcessResult RunChildProcess(const ChildProcessSpec& spec);

/// The environment for a child: `base` then `extra`, a later entry replacing an earlier
/// one with the same name (Go's exec.Cmd dedupEnv).
std::vector<std::string> MergeEnvironment(const std::vector<std::string>& base,
                                          const std::vector<std::string>& extra);

/// How a process ended, as Go's ProcessState tells it.
struct ExitStatus {
  int exit_code = 0;  ///< The exit status, or -1 after a signal (Go's ExitCode).
  int signal = 0;     ///< The signal that ended it, 0 when it exited.
};

/// A process started on its own, for --exec: argv[0] is a path, stdin, stdout and stderr
/// are ours, and it leads a process group of its own, so that a signal reaches whatever
/// it started too (on Windows: a console process group, in a job object that holds
/// whatever it starts). A copy names the same process; it is waited for (Poll or Wait) once.
class ProcessGroup {
 public:
  /// Starts `argv` with exactly `env`; nullopt with Go's text in `*error` when it cannot.
  static std::optional<ProcessGroup> Start(const std::vector<std::string>& argv,
                                           const std::vector<std::string>& env, std::string* error);
  /// Starts `command` through the system's shell: /bin/sh -c, or on Windows
  /// %ComSpec% /d /s /c with the command line as written.
  static std::optional<ProcessGroup> StartShell(const std::string& command,
                                                const std::vector<std::string>& env,
                                                std::string* error);

  int pid() const { return pid_; }
  /// Reaps the leader if it has ended; nullopt while it runs.
  std::optional<ExitStatus> Poll();
  /// Whether the leader has ended, without reaping it: until it is reaped the group's id
  /// cannot be reused, so Terminate and Kill stay safe.
  bool Ended() const;
  /// SIGTERM to the whole group (kill -TERM -pgid); on Windows Ctrl-Break to its
  /// console process group.
  void Terminate() const;
  /// SIGKILL to the whole group; on Windows the end of its job object.
  void Kill() const;
  /// Reaps the leader, waiting for it.
  ExitStatus Wait();

 private:
  struct Handles;  // Windows: the process and its job object; none on POSIX
  // Windows: starts `program` with its command line already made (exec_windows.cc).
  static std::optional<ProcessGroup> StartCommandLine(const std::string& program,
                                                      const std::string& command_line,
                                                      const std::vector<std::string>& env,
                                                      std::string* error);
  ProcessGroup(int pid, std::shared_ptr<Handles> handles)
      : pid_(pid), handles_(std::move(handles)) {}
  int pid_;
  std::shared_ptr<Handles> handles_;
};

}  // namespace pvcwatch::go
