#pragma once

// Go's os and syscall packages: files read with Go's errors, and the environment.
// os_posix.cc and os_windows.cc implement it; paths and values are UTF-8 on every OS.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace pvcwatch::go {

/// syscall.Errno's text: on POSIX Go's Linux wording ("no such file or directory",
/// "permission denied", "is a directory"); on Windows, where an Errno is a Windows error
/// code, the system's English message ("The system cannot find the file specified.").
std::string ErrnoText(int errnum);

/// What os.Stat tells of a file that the callers here ask.
struct FileInfo {
  bool is_dir = false;
  unsigned perm = 0;  ///< Mode().Perm(); Windows: 0666, 0444 if read-only, dirs 0111 more
};

/// os.Stat (following links): nullopt with Go's "stat <path>: <reason>" in `*error`;
/// `*missing` when the file does not exist.
std::optional<FileInfo> Stat(const std::string& path, std::string* error = nullptr,
                             bool* missing = nullptr);

/// An open file, read-only: what os.Open gives. Moves; closes when destroyed.
class File {
 public:
  /// os.Open: nullopt with Go's "open <path>: <reason>" in `*error`; `*missing` when the
  /// file does not exist. A directory opens (and then fails to read).
  static std::optional<File> Open(const std::string& path, std::string* error = nullptr,
                                  bool* missing = nullptr);
  File(File&& other) noexcept : handle_(other.handle_) { other.handle_ = kClosed; }
  File& operator=(File&& other) noexcept;
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  ~File();

  /// Reads up to `size` bytes: how many, 0 at the end, or -1 with the failure's Errno in
  /// `*errnum`. Interrupted reads are retried.
  long Read(char* data, std::size_t size, int* errnum);

 private:
  static constexpr std::intptr_t kClosed = -1;
  explicit File(std::intptr_t handle) : handle_(handle) {}
  void Close();
  std::intptr_t handle_;  // a descriptor, or a Windows HANDLE
};

/// os.ReadFile: the whole file, or nullopt with `*error` (if given) set to Go's text,
/// "open <path>: <reason>" or "read <path>: <reason>" (a directory opens, then fails to
/// read). `*missing` is set when the file does not exist. A file longer than `max_size`
/// fails with "read <path>: file too large" (EFBIG) instead of filling memory.
std::optional<std::string> ReadFile(const std::string& path, std::string* error = nullptr,
                                    bool* missing = nullptr,
                                    std::size_t max_size = std::numeric_limits<std::size_t>::max());

/// term.IsTerminal: whether descriptor `fd` (0, 1 or 2) is a terminal (on Windows a
/// console).
bool IsTerminal(int fd);

/// os.Getpid.
int Getpid();

/// os.Args: on POSIX `argv` itself; on Windows the process's UTF-16 command line split
/// as the C runtime splits it (CommandLineToArgvW), in UTF-8, not `argv`'s code page.
std::vector<std::string> Args(int argc, const char* const argv[]);

/// os.Environ: this process's environment as "NAME=value" entries.
std::vector<std::string> Environ();

/// os.LookupEnv: the variable's value, or nullopt when it is not set. With Environ and
/// Getenv, the only place the library reads the environment.
std::optional<std::string> LookupEnv(const char* name);

/// os.Getenv: the variable's value, "" when it is not set.
std::string Getenv(const char* name);

}  // namespace pvcwatch::go
