#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "go/os.h"

extern char** environ;

namespace pvcwatch::go {

namespace {

// Go's syscall error strings on Linux (zerrors_linux.go's table, glibc's wording), for
// the errors a file, a process or a socket gives us: the C library's own text differs
// under musl ("symbolic link loop" for ELOOP) and on macOS.
struct ErrnoName {
  int errnum;
  const char* text;
};
constexpr ErrnoName kErrnoTexts[] = {
    {EPERM, "operation not permitted"},
    {ENOENT, "no such file or directory"},
    {EINTR, "interrupted system call"},
    {EIO, "input/output error"},
    {ENXIO, "no such device or address"},
    {E2BIG, "argument list too long"},
    {ENOEXEC, "exec format error"},
    {EBADF, "bad file descriptor"},
    {EAGAIN, "resource temporarily unavailable"},
    {ENOMEM, "cannot allocate memory"},
    {EACCES, "permission denied"},
    {EEXIST, "file exists"},
    {ENODEV, "no such device"},
    {ENOTDIR, "not a directory"},
    {EISDIR, "is a directory"},
    {EINVAL, "invalid argument"},
    {ENFILE, "too many open files in system"},
    {EMFILE, "too many open files"},
    {ETXTBSY, "text file busy"},
    {EFBIG, "file too large"},
    {ENOSPC, "no space left on device"},
    {EROFS, "read-only file system"},
    {EPIPE, "broken pipe"},
    {ENAMETOOLONG, "file name too long"},
    {ELOOP, "too many levels of symbolic links"},
    {EADDRINUSE, "address already in use"},
    {ENETUNREACH, "network is unreachable"},
    {ECONNABORTED, "software caused connection abort"},
    {ECONNRESET, "connection reset by peer"},
    {ETIMEDOUT, "connection timed out"},
    {ECONNREFUSED, "connection refused"},
    {EHOSTUNREACH, "no route to host"},
};

}  // namespace

std::string ErrnoText(int errnum) {
  for (const ErrnoName& name : kErrnoTexts) {
    if (name.errnum == errnum) return name.text;
  }
  // Anything else: the C library's text, lower-cased at the start as Go's table is.
  std::string text = std::strerror(errnum);
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
  return text;
}

std::optional<File> File::Open(const std::string& path, std::string* error, bool* missing) {
  int fd;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (missing) *missing = fd < 0 && errno == ENOENT;
  if (fd < 0) {
    if (error) *error = "open " + path + ": " + ErrnoText(errno);
    return std::nullopt;
  }
  return File(fd);
}

void File::Close() {
  if (handle_ != kClosed) ::close(static_cast<int>(handle_));
  handle_ = kClosed;
}

long File::Read(char* data, std::size_t size, int* errnum) {
  for (;;) {
    const ssize_t n = ::read(static_cast<int>(handle_), data, size);
    if (n >= 0) return static_cast<long>(n);
    if (errno == EINTR) continue;
    *errnum = errno;
    return -1;
  }
}

std::optional<FileInfo> Stat(const std::string& path, std::string* error, bool* missing) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (missing) *missing = errno == ENOENT;
    if (error) *error = "stat " + path + ": " + ErrnoText(errno);
    return std::nullopt;
  }
  if (missing) *missing = false;
  return FileInfo{S_ISDIR(st.st_mode), static_cast<unsigned>(st.st_mode & 0777)};
}

std::vector<std::string> Args(int argc, const char* const argv[]) { return {argv, argv + argc}; }

bool IsTerminal(int fd) { return ::isatty(fd) == 1; }

int Getpid() { return static_cast<int>(::getpid()); }

std::vector<std::string> Environ() {
  std::vector<std::string> entries;
  for (char** entry = ::environ; entry != nullptr && *entry != nullptr; ++entry) {
    entries.emplace_back(*entry);
  }
  return entries;
}

std::optional<std::string> LookupEnv(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

}  // namespace pvcwatch::go
