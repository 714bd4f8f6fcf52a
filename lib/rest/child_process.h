#pragma once

// Running a program as a child process the way Go's os/exec runs it (no shell, an
// explicit environment, a deadline): exec credential plugins, and kubectl for completion.

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace pvcwatch::rest {

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
/// regular file in an absolute `path` entry; "" when there is none.
std::string LookPath(const std::string& command, const std::string& path);

/// Runs `spec` to completion, killing the child when it outlives the timeout or writes
/// more than `max_output` bytes. Never throws for the child's failures.
ChildProcessResult RunChildProcess(const ChildProcessSpec& spec);

/// The environment for a child: `base` then `extra`, a later entry replacing an earlier
/// one with the same name (Go's exec.Cmd dedupEnv).
std::vector<std::string> MergeEnvironment(const std::vector<std::string>& base,
                                          const std::vector<std::string>& extra);

}  // namespace pvcwatch::rest
