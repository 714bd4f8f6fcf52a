#include "go/os.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

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

std::optional<std::string> ReadFile(const std::string& path, std::string* error, bool* missing,
                                    std::size_t max_size) {
  if (missing) *missing = false;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (missing) *missing = errno == ENOENT;
    if (error) *error = "open " + path + ": " + ErrnoText(errno);
    return std::nullopt;
  }
  std::string contents;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    const int failure = n < 0 ? errno : contents.size() + n > max_size ? EFBIG : 0;
    if (failure != 0) {
      if (error) *error = "read " + path + ": " + ErrnoText(failure);
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    contents.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return contents;
}

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

std::string Getenv(const char* name) { return LookupEnv(name).value_or(""); }

}  // namespace pvcwatch::go
