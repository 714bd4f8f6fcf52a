#include "kubeconfig/read_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "kubeconfig/errors.h"

namespace pvcwatch::kubeconfig {

std::optional<std::string> ReadFile(const std::string& path, std::string* error,
                                    bool* missing) {
  if (missing) *missing = false;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (missing) *missing = errno == ENOENT;
    if (error) *error = "open " + path + ": " + GoErrnoText(errno);
    return std::nullopt;
  }
  std::string contents;
  char buffer[8192];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      if (error) *error = "read " + path + ": " + GoErrnoText(errno);
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    contents.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return contents;
}

std::string ReadFileOrThrow(const std::string& path) {
  std::string error;
  std::optional<std::string> contents = ReadFile(path, &error);
  if (!contents) throw Error(error);
  return std::move(*contents);
}

std::string TrimSpace(const std::string& text) {
  const char* kSpace = " \t\n\r\f\v";
  std::size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(kSpace) - begin + 1);
}

}  // namespace pvcwatch::kubeconfig
