#include <windows.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "go/cmdline.h"
#include "go/exec.h"
#include "go/os.h"
#include "go/utf16.h"

namespace pvcwatch::go {
namespace {

using Clock = std::chrono::steady_clock;

std::wstring Wide(const std::string& text) {
  const std::u16string wide = Utf16FromString(text);
  return {wide.begin(), wide.end()};
}

class Handle {
 public:
  explicit Handle(HANDLE handle = nullptr) : handle_(handle) {}
  ~Handle() { Close(); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  HANDLE get() const { return handle_; }
  HANDLE* out() { return &handle_; }
  bool valid() const { return handle_ != nullptr && handle_ != INVALID_HANDLE_VALUE; }
  void Close() {
    if (valid()) ::CloseHandle(handle_);
    handle_ = nullptr;
  }

 private:
  HANDLE handle_;
};

// An inheritable copy of one of our standard handles, as Go's StartProcess makes one
// (none when we have none).
HANDLE InheritableStd(DWORD which) {
  HANDLE ours = ::GetStdHandle(which);
  HANDLE copy = nullptr;
  if (ours == nullptr || ours == INVALID_HANDLE_VALUE ||
      !::DuplicateHandle(::GetCurrentProcess(), ours, ::GetCurrentProcess(), &copy, 0, TRUE,
                         DUPLICATE_SAME_ACCESS)) {
    return nullptr;
  }
  return copy;
}

// The environment block: UTF-16 "NAME=value" entries, each ended by a zero, then one more;
// SYSTEMROOT is added when missing, as Go's os/exec does, for Winsock in the child.
std::wstring EnvironmentBlock(const std::vector<std::string>& env) {
  std::vector<std::string> entries = env;
  bool has_systemroot = false;
  for (const std::string& entry : entries) {
    std::string name = entry.substr(0, entry.find('=', 1));
    for (char& c : name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    has_systemroot = has_systemroot || name == "SYSTEMROOT";
  }
  if (!has_systemroot) {
    if (std::optional<std::string> root = LookupEnv("SYSTEMROOT")) {
      entries.push_back("SYSTEMROOT=" + *root);
    }
  }
  std::wstring block;
  for (const std::string& entry : entries) {
    block += Wide(entry);
    block.push_back(L'\0');
  }
  if (entries.empty()) block.push_back(L'\0');
  block.push_back(L'\0');
  return block;
}

// CreateProcessW passing exactly `inherit` (none of our other handles, such as sockets),
// through PROC_THREAD_ATTRIBUTE_HANDLE_LIST as Go does. Returns 0 or the error code.
DWORD Launch(const std::string& program, const std::string& command_line,
             const std::vector<std::string>& env, HANDLE in, HANDLE out, HANDLE err, DWORD flags,
             PROCESS_INFORMATION& process) {
  std::vector<HANDLE> inherit;
  for (HANDLE h : {in, out, err}) {
    bool seen = false;
    for (HANDLE other : inherit) seen = seen || other == h;
    if (h != nullptr && !seen) inherit.push_back(h);
  }
  SIZE_T size = 0;
  ::InitializeProcThreadAttributeList(nullptr, 1, 0, &size);
  std::vector<char> storage(size);
  auto* attributes = reinterpret_cast<LPPROC_THREAD_ATTRIBUTE_LIST>(storage.data());
  if (!::InitializeProcThreadAttributeList(attributes, 1, 0, &size)) return ::GetLastError();
  if (!inherit.empty()) {
    ::UpdateProcThreadAttribute(attributes, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, inherit.data(),
                                inherit.size() * sizeof(HANDLE), nullptr, nullptr);
  }
  STARTUPINFOEXW startup{};
  startup.StartupInfo.cb = sizeof startup;
  startup.StartupInfo.dwFlags = STARTF_USESTDHANDLES;
  startup.StartupInfo.hStdInput = in;
  startup.StartupInfo.hStdOutput = out;
  startup.StartupInfo.hStdError = err;
  startup.lpAttributeList = attributes;
  std::wstring line = Wide(command_line);
  std::wstring block = EnvironmentBlock(env);
  const BOOL started =
      ::CreateProcessW(Wide(program).c_str(), line.data(), nullptr, nullptr, !inherit.empty(),
                       flags | CREATE_UNICODE_ENVIRONMENT | EXTENDED_STARTUPINFO_PRESENT,
                       block.data(), nullptr, &startup.StartupInfo, &process);
  const DWORD error = started ? 0 : ::GetLastError();
  ::DeleteProcThreadAttributeList(attributes);
  return error;
}

bool IsExecutableFile(const std::string& file) {
  const std::optional<FileInfo> info = Stat(file);
  return info && !info->is_dir;
}

// os.SameFile on Windows: the same volume serial number and file index.
bool SameFile(const std::string& a, const std::string& b) {
  const auto identify = [](const std::string& name, BY_HANDLE_FILE_INFORMATION* info) {
    Handle file(::CreateFileW(Wide(name).c_str(), 0,
                              FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                              OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr));
    return file.valid() && ::GetFileInformationByHandle(file.get(), info) != 0;
  };
  BY_HANDLE_FILE_INFORMATION first{}, second{};
  return identify(a, &first) && identify(b, &second) &&
         first.dwVolumeSerialNumber == second.dwVolumeSerialNumber &&
         first.nFileIndexHigh == second.nFileIndexHigh &&
         first.nFileIndexLow == second.nFileIndexLow;
}

DWORD ExitCodeOf(HANDLE process) {
  DWORD code = 0;
  ::GetExitCodeProcess(process, &code);
  return code;
}

}  // namespace

std::string LookPath(const std::string& command, const std::string& path) {
  bool err_dot = false;
  // A program found through the current directory is refused (exec.ErrDot), which
  // client-go reports as "not found" like a missing one.
  // Go tests only whether NoDefaultCurrentDirectoryInExePath is set, not its value.
  return LookPathWindows(command, path, Getenv("PATHEXT"), IsExecutableFile, &err_dot,
                         LookupEnv("NoDefaultCurrentDirectoryInExePath").has_value(), SameFile);
}

ChildProcessResult RunChildProcess(const ChildProcessSpec& spec) {
  ChildProcessResult result;
  const std::string program = LookPath(spec.command, spec.path);
  if (program.empty()) {
    result.status = ChildProcessResult::Status::kNotFound;
    return result;
  }
  SECURITY_ATTRIBUTES inheritable{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  Handle read_end, write_end;
  if (!::CreatePipe(read_end.out(), write_end.out(), &inheritable, 0) ||
      !::SetHandleInformation(read_end.get(), HANDLE_FLAG_INHERIT, 0)) {
    result.status = ChildProcessResult::Status::kStartFailed;
    result.error = ErrnoText(static_cast<int>(::GetLastError()));
    return result;
  }
  // os/exec gives a child without Stdin the null device.
  Handle in(spec.inherit_stdin
                ? InheritableStd(STD_INPUT_HANDLE)
                : ::CreateFileW(L"NUL", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE,
                                &inheritable, OPEN_EXISTING, 0, nullptr));
  Handle err(InheritableStd(STD_ERROR_HANDLE));
  std::vector<std::string> argv = {spec.command};
  argv.insert(argv.end(), spec.args.begin(), spec.args.end());
  PROCESS_INFORMATION info{};
  const DWORD failed = Launch(program, MakeCmdLine(argv), spec.env, in.valid() ? in.get() : nullptr,
                              write_end.get(), err.get(), 0, info);
  write_end.Close();
  if (failed != 0) {
    result.status = ChildProcessResult::Status::kStartFailed;
    result.error = ErrnoText(static_cast<int>(failed));
    return result;
  }
  Handle process(info.hProcess);
  Handle thread(info.hThread);

  // An anonymous pipe has no poll: PeekNamedPipe says what can be read without
  // blocking, and fails once the child (and whatever it started) closed its end.
  const Clock::time_point deadline = Clock::now() + spec.timeout;
  auto kill = [&](ChildProcessResult::Status status) {
    ::TerminateProcess(process.get(), 1);
    ::WaitForSingleObject(process.get(), INFINITE);
    result.status = status;
    return result;
  };
  char buffer[8192];
  for (;;) {
    if (Clock::now() >= deadline) return kill(ChildProcessResult::Status::kTimedOut);
    DWORD available = 0;
    if (!::PeekNamedPipe(read_end.get(), nullptr, 0, nullptr, &available, nullptr)) break;
    if (available == 0) {
      ::Sleep(5);
      continue;
    }
    DWORD n = 0;
    if (!::ReadFile(read_end.get(), buffer, std::min<DWORD>(available, sizeof buffer), &n,
                    nullptr)) {
      break;
    }
    result.output.append(buffer, n);
    if (result.output.size() > spec.max_output) {
      return kill(ChildProcessResult::Status::kOutputTooLarge);
    }
  }
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  if (::WaitForSingleObject(process.get(), static_cast<DWORD>(std::max<long long>(
                                               left.count(), 0))) != WAIT_OBJECT_0) {
    return kill(ChildProcessResult::Status::kTimedOut);
  }
  result.exit_code = static_cast<int>(ExitCodeOf(process.get()));
  return result;
}

// The process and the job object holding it and everything it starts.
struct ProcessGroup::Handles {
  ~Handles() {
    if (process != nullptr) ::CloseHandle(process);
    if (job != nullptr) ::CloseHandle(job);
  }
  HANDLE process = nullptr;
  HANDLE job = nullptr;
};

// Started suspended, put in a job of its own, then resumed: nothing it starts escapes
// the job. CREATE_NEW_PROCESS_GROUP makes it the leader of a console process group,
// which Ctrl-Break can be sent to; stdin, stdout and stderr are ours.
std::optional<ProcessGroup> ProcessGroup::StartCommandLine(const std::string& program,
                                                           const std::string& command_line,
                                                           const std::vector<std::string>& env,
                                                           std::string* error) {
  auto handles = std::make_shared<Handles>();
  handles->job = ::CreateJobObjectW(nullptr, nullptr);
  Handle in(InheritableStd(STD_INPUT_HANDLE));
  Handle out(InheritableStd(STD_OUTPUT_HANDLE));
  Handle err(InheritableStd(STD_ERROR_HANDLE));
  PROCESS_INFORMATION info{};
  DWORD failed = handles->job == nullptr ? ::GetLastError() : 0;
  if (failed == 0) {
    failed = Launch(program, command_line, env, in.get(), out.get(), err.get(),
                    CREATE_SUSPENDED | CREATE_NEW_PROCESS_GROUP, info);
  }
  if (failed != 0) {
    if (error) *error = ErrnoText(static_cast<int>(failed));
    return std::nullopt;
  }
  handles->process = info.hProcess;
  if (!::AssignProcessToJobObject(handles->job, info.hProcess)) {
    failed = ::GetLastError();
    ::TerminateProcess(info.hProcess, 1);
    ::CloseHandle(info.hThread);
    if (error) *error = ErrnoText(static_cast<int>(failed));
    return std::nullopt;
  }
  ::ResumeThread(info.hThread);
  ::CloseHandle(info.hThread);
  return ProcessGroup(static_cast<int>(info.dwProcessId), std::move(handles));
}

std::optional<ProcessGroup> ProcessGroup::Start(const std::vector<std::string>& argv,
                                                const std::vector<std::string>& env,
                                                std::string* error) {
  return StartCommandLine(argv.at(0), MakeCmdLine(argv), env, error);
}

// As cmd.exe wants it, not as CommandLineToArgvW does: /s takes the outer quotes off
// and runs the rest as typed, /d skips the AutoRun commands of the registry.
std::optional<ProcessGroup> ProcessGroup::StartShell(const std::string& command,
                                                     const std::vector<std::string>& env,
                                                     std::string* error) {
  std::string shell = Getenv("ComSpec");
  if (shell.empty()) shell = Getenv("SystemRoot") + "\\System32\\cmd.exe";
  return StartCommandLine(shell, "\"" + shell + "\" /d /s /c \"" + command + "\"", env, error);
}

std::optional<ExitStatus> ProcessGroup::Poll() {
  if (::WaitForSingleObject(handles_->process, 0) != WAIT_OBJECT_0) return std::nullopt;
  return ExitStatus{static_cast<int>(ExitCodeOf(handles_->process)), 0};
}

bool ProcessGroup::Ended() const {
  return ::WaitForSingleObject(handles_->process, 0) == WAIT_OBJECT_0;
}

void ProcessGroup::Terminate() const {
  ::GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT, static_cast<DWORD>(pid_));
}

void ProcessGroup::Kill() const { ::TerminateJobObject(handles_->job, 1); }

ExitStatus ProcessGroup::Wait() {
  ::WaitForSingleObject(handles_->process, INFINITE);
  return {static_cast<int>(ExitCodeOf(handles_->process)), 0};
}

}  // namespace pvcwatch::go
