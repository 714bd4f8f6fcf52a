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
#include <string_view>

#include "go/exec.h"
#include "go/os.h"
#include "go/strconv.h"

namespace pvcwatch::go {
namespace {

using Clock = std::chrono::steady_clock;

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

// A wait status as Go's ProcessState reports it: exit code -1 when a signal ended it.
ExitStatus StatusOf(int status) {
  if (WIFEXITED(status)) return {WEXITSTATUS(status), 0};
  return {-1, WIFSIGNALED(status) ? WTERMSIG(status) : 0};
}

int Reap(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

void KillAndReap(pid_t pid) {
  ::kill(pid, SIGKILL);
  Reap(pid);
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

std::vector<char*> CStrings(const std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (const std::string& s : strings) pointers.push_back(const_cast<char*>(s.c_str()));
  pointers.push_back(nullptr);
  return pointers;
}

// What a child gets besides argv and env.
struct Wiring {
  bool null_stdin = false;  // os/exec gives a child without Stdin the null device
  int stdout_fd = -1;       // -1: ours
  bool own_group = false;
};

// posix_spawn with Go's defaults: descriptors beyond 2 closed (Go opens every fd CLOEXEC;
// our sockets are none of the child's business), no signal blocked or ignored (the
// watch blocks SIGINT/SIGTERM in every thread, which children must not inherit).
// Returns 0 or the errno of the failure.
int Spawn(const std::string& program, const std::vector<std::string>& args,
          const std::vector<std::string>& env, const Wiring& wiring, pid_t& pid) {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attr);
  if (wiring.null_stdin) posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  if (wiring.stdout_fd >= 0) posix_spawn_file_actions_adddup2(&actions, wiring.stdout_fd, 1);
  short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
#if defined(__GLIBC__)
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
#elif defined(__APPLE__)
  // POSIX_SPAWN_CLOEXEC_DEFAULT closes every descriptor not opened, duplicated or
  // inherited here.
  flags |= POSIX_SPAWN_CLOEXEC_DEFAULT;
  if (!wiring.null_stdin) posix_spawn_file_actions_addinherit_np(&actions, 0);
  if (wiring.stdout_fd < 0) posix_spawn_file_actions_addinherit_np(&actions, 1);
  posix_spawn_file_actions_addinherit_np(&actions, 2);
#else
  // musl has no closefrom action: close what is open now (its close ignores errors).
  if (DIR* fds = ::opendir("/proc/self/fd")) {
    while (const dirent* entry = ::readdir(fds)) {
      const int fd = static_cast<int>(ParseInt(entry->d_name, 10, 32).value);
      if (fd > 2 && fd != ::dirfd(fds)) posix_spawn_file_actions_addclose(&actions, fd);
    }
    ::closedir(fds);
  }
#endif
  sigset_t signals;
  sigemptyset(&signals);
  posix_spawnattr_setsigmask(&attr, &signals);
  sigfillset(&signals);
  posix_spawnattr_setsigdefault(&attr, &signals);
  if (wiring.own_group) {
    posix_spawnattr_setpgroup(&attr, 0);
    flags |= POSIX_SPAWN_SETPGROUP;
  }
  posix_spawnattr_setflags(&attr, flags);
  std::vector<char*> argv = CStrings(args);
  std::vector<char*> envp = CStrings(env);
  const int error = ::posix_spawn(&pid, program.c_str(), &actions, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  return error;
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
    result.error = ErrnoText(errno);
    return result;
  }
  Fd read_end(pipe_fds[0]);
  Fd write_end(pipe_fds[1]);

  std::vector<std::string> argv = {spec.command};
  argv.insert(argv.end(), spec.args.begin(), spec.args.end());
  pid_t pid = 0;
  const int spawn_error =
      Spawn(program, argv, spec.env, {!spec.inherit_stdin, write_end.get(), false}, pid);
  write_end.Close();
  if (spawn_error != 0) {
    result.status = ChildProcessResult::Status::kStartFailed;
    result.error = ErrnoText(spawn_error);
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
  result.exit_code = StatusOf(status).exit_code;
  return result;
}

std::optional<ProcessGroup> ProcessGroup::Start(const std::vector<std::string>& argv,
                                                const std::vector<std::string>& env,
                                                std::string* error) {
  pid_t pid = 0;
  if (const int failed = Spawn(argv.at(0), argv, env, {false, -1, true}, pid); failed != 0) {
    if (error) *error = ErrnoText(failed);
    return std::nullopt;
  }
  return ProcessGroup(pid, nullptr);
}

std::optional<ProcessGroup> ProcessGroup::StartShell(const std::string& command,
                                                     const std::vector<std::string>& env,
                                                     std::string* error) {
  return Start({"/bin/sh", "-c", command}, env, error);
}

std::optional<ExitStatus> ProcessGroup::Poll() {
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) != pid_) return std::nullopt;
  return StatusOf(status);
}

bool ProcessGroup::Ended() const {
  siginfo_t info{};
  return ::waitid(P_PID, pid_, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid_;
}

void ProcessGroup::Terminate() const { ::kill(-pid_, SIGTERM); }

void ProcessGroup::Kill() const { ::kill(-pid_, SIGKILL); }

ExitStatus ProcessGroup::Wait() { return StatusOf(Reap(pid_)); }

}  // namespace pvcwatch::go
