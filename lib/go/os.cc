#include "go/os.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

extern char** environ;

namespace pvcwatch::go {

std::string ErrnoText(int errnum) {
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
