#include "go/os.h"

#if defined(_WIN32)
#include <windows.h>
#else
#include <cerrno>
#endif

namespace pvcwatch::go {
namespace {

#if defined(_WIN32)
constexpr int kFileTooLarge = ERROR_FILE_TOO_LARGE;
#else
constexpr int kFileTooLarge = EFBIG;
#endif

}  // namespace

File& File::operator=(File&& other) noexcept {
  if (this != &other) {
    Close();
    handle_ = other.handle_;
    other.handle_ = kClosed;
  }
  return *this;
}

File::~File() { Close(); }

std::optional<std::string> ReadFile(const std::string& path, std::string* error, bool* missing,
                                    std::size_t max_size) {
  std::optional<File> file = File::Open(path, error, missing);
  if (!file) return std::nullopt;
  std::string contents;
  char buffer[65536];
  for (;;) {
    int errnum = 0;
    const long n = file->Read(buffer, sizeof buffer, &errnum);
    if (n > 0 && contents.size() + static_cast<std::size_t>(n) > max_size) errnum = kFileTooLarge;
    if (n < 0 || errnum != 0) {
      if (error) *error = "read " + path + ": " + ErrnoText(errnum);
      return std::nullopt;
    }
    if (n == 0) return contents;
    contents.append(buffer, static_cast<std::size_t>(n));
  }
}

std::string Getenv(const char* name) { return LookupEnv(name).value_or(""); }

}  // namespace pvcwatch::go
