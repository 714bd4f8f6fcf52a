#include "rest/child_process.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <set>
#include <string_view>

namespace pvcwatch::rest {
namespace {

using Clock = std::chrono::steady_clock;

// Go's syscall.Errno strings are strerror's text starting in lower case
// ("no such file or directory", "permission denied", "exec format error").
std::string GoErrnoText(int error) {
  std::string text = std::strerror(error);
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
  return text;
}

// Go's findExecutable: exists, is not a directory, and we may execute it.
bool IsExecutable(const std::string& file) {
  struct stat st;
  if (::stat(file.c_str(), &st) != 0 || S_ISDIR(st.st_mode)) return false;
  return ::faccessat(AT_FDCWD, file.c_str(), X_OK, AT_EACCESS) == 0;
}

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() { Close(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

// Exit status as Go's ProcessState.ExitCode reports it: -1 when a signal ended the child.
int ExitCode(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

void KillAndReap(pid_t pid) {
  ::kill(pid, SIGKILL);
  int status;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
}

// Waits for the child that already closed its stdout, until `deadline`.
bool WaitUntil(pid_t pid, Clock::time_point deadline, int& status) {
  for (;;) {
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return true;
    if (done < 0 && errno != EINTR) return true;  // already reaped: nothing to wait for
    if (Clock::now() >= deadline) return false;
    struct timespec pause = {0, 5 * 1000 * 1000};
    ::nanosleep(&pause, nullptr);
  }
}

struct SpawnSetup {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attr);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
};

std::vector<char*> CStrings(const std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (const std::string& s : strings) pointers.push_back(const_cast<char*>(s.c_str()));
  pointers.push_back(nullptr);
  return pointers;
}

}  // namespace

std::string LookPath(const std::string& command, const std::string& path) {
  if (command.find('/') != std::string::npos) return command;
  std::string_view rest = path;
  for (;;) {
    size_t colon = rest.find(':');
    std::string_view entry = rest.substr(0, colon);
    const std::string dir = entry.empty() ? std::string(".") : std::string(entry);
    std::string candidate = dir;
    if (candidate.back() != '/') candidate += '/';
    candidate += command;
    if (IsExecutable(candidate)) {
      // Go 1.19+ refuses a program found through a relative PATH entry (exec.ErrDot),
      // which client-go reports as "not found" like a missing one.
      return dir[0] == '/' ? candidate : "";
    }
    if (colon == std::string_view::npos) return "";
    rest.remove_prefix(colon + 1);
  }
}

std::vector<std::string> MergeEnvironment(const std::vector<std::string>& base,
                                          const std::vector<std::string>& extra) {
  std::vector<std::string> all = base;
  all.insert(all.end(), extra.begin(), extra.end());
  // Keep the last entry for each name, as Go's dedupEnv does.
  std::set<std::string> seen;
  std::vector<std::string> merged;
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    std::string name = it->substr(0, it->find('='));
    if (seen.insert(name).second) merged.push_back(*it);
  }
  return {merged.rbegin(), merged.rend()};
}

ChildProcessResult RunChildProcess(const ChildProcessSpec& spec) {
  ChildProcessResult result;
  // exec.Command only searches PATH for a bare name; a path is started as given.
  std::string program = LookPath(spec.command, spec.path);
  if (program.empty()) {
    result.status = ChildProcessResult::Status::kNotFound;
    return result;
  }
  int pipe_fds[2];
#if defined(__APPLE__)
  // macOS has no pipe2; a child spawned by another thread in between could inherit the
  // pipe, which only delays our EOF until that child exits.
  if (::pipe(pipe_fds) != 0 || ::fcntl(pipe_fds[0], F_SETFD, FD_CLOEXEC) != 0 ||
      ::fcntl(pipe_fds[1], F_SETFD, FD_CLOEXEC) != 0) {
#else
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
#endif
    result.status = ChildProcessResult::Status::kStartFailed;
    result.error = GoErrnoText(errno);
    return result;
  }
  Fd read_end(pipe_fds[0]);
  Fd write_end(pipe_fds[1]);

  SpawnSetup setup;
  if (!spec.inherit_stdin) {
    // os/exec gives a child without Stdin the null device.
    posix_spawn_file_actions_addopen(&setup.actions, 0, "/dev/null", O_RDONLY, 0);
  }
  posix_spawn_file_actions_adddup2(&setup.actions, write_end.get(), 1);
  // Our sockets and files are none of the plugin's business (Go opens all fds CLOEXEC).
#if defined(__GLIBC__)
  posix_spawn_file_actions_addclosefrom_np(&setup.actions, 3);
#elif defined(__APPLE__)
  // POSIX_SPAWN_CLOEXEC_DEFAULT (below) closes all but these.
  posix_spawn_file_actions_addinherit_np(&setup.actions, 2);
  if (spec.inherit_stdin) posix_spawn_file_actions_addinherit_np(&setup.actions, 0);
#else
  // musl has no closefrom action: close what is open now (its close ignores errors).
  if (DIR* fds = ::opendir("/proc/self/fd")) {
    while (const dirent* entry = ::readdir(fds)) {
      int fd = std::atoi(entry->d_name);
      if (fd > 2 && fd != ::dirfd(fds)) posix_spawn_file_actions_addclose(&setup.actions, fd);
    }
    ::closedir(fds);
  }
#endif
  sigset_t signals;
  sigemptyset(&signals);
  posix_spawnattr_setsigmask(&setup.attr, &signals);
  sigfillset(&signals);
  posix_spawnattr_setsigdefault(&setup.attr, &signals);
  short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
#if defined(__APPLE__)
  flags |= POSIX_SPAWN_CLOEXEC_DEFAULT;
#endif
  posix_spawnattr_setflags(&setup.attr, flags);

  std::vector<std::string> argv_strings = {spec.command};
  argv_strings.insert(argv_strings.end(), spec.args.begin(), spec.args.end());
  std::vector<char*> argv = CStrings(argv_strings);
  std::vector<char*> envp = CStrings(spec.env);
  pid_t pid = 0;
  int spawn_error =
      ::posix_spawn(&pid, program.c_str(), &setup.actions, &setup.attr, argv.data(), envp.data());
  write_end.Close();
  if (spawn_error != 0) {
    result.status = ChildProcessResult::Status::kStartFailed;
    result.error = GoErrnoText(spawn_error);
    return result;
  }

  const Clock::time_point deadline = Clock::now() + spec.timeout;
  char buffer[8192];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      KillAndReap(pid);
      result.status = ChildProcessResult::Status::kTimedOut;
      return result;
    }
    struct pollfd readable = {read_end.get(), POLLIN, 0};
    int ready = ::poll(&readable, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;  // the deadline check above ends the run
    ssize_t n = ::read(read_end.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EOF: the child (and its children) closed stdout
    result.output.append(buffer, static_cast<size_t>(n));
    if (result.output.size() > spec.max_output) {
      KillAndReap(pid);
      result.status = ChildProcessResult::Status::kOutputTooLarge;
      return result;
    }
  }
  int status = 0;
  if (!WaitUntil(pid, deadline, status)) {
    KillAndReap(pid);
    result.status = ChildProcessResult::Status::kTimedOut;
    return result;
  }
  result.exit_code = ExitCode(status);
  return result;
}

}  // namespace pvcwatch::rest
