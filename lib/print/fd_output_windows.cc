// windows.h first, as everywhere else.
// clang-format off
#include <windows.h>
#include <io.h>
// clang-format on

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>

#include "go/utf16.h"
#include "print/fd_output.h"

namespace pvcwatch::print {
namespace {

std::atomic<bool> abandoned{false};

// The threads inside a WriteFile now, so that AbandonBlockedWrites can cancel their
// writes (a pipe nobody reads blocks a write for ever; there is no poll for it).
std::mutex writers_mutex;
std::set<HANDLE>& writers() {
  static auto* threads = new std::set<HANDLE>;
  return *threads;
}

class Writing {
 public:
  Writing() {
    ::DuplicateHandle(::GetCurrentProcess(), ::GetCurrentThread(), ::GetCurrentProcess(), &thread_,
                      0, FALSE, DUPLICATE_SAME_ACCESS);
    std::lock_guard lock(writers_mutex);
    writers().insert(thread_);
  }
  ~Writing() {
    std::lock_guard lock(writers_mutex);
    writers().erase(thread_);
    ::CloseHandle(thread_);
  }
  Writing(const Writing&) = delete;
  Writing& operator=(const Writing&) = delete;

 private:
  HANDLE thread_ = nullptr;
};

}  // namespace

void FdOutput::AbandonBlockedWrites() {
  abandoned = true;
  std::lock_guard lock(writers_mutex);
  for (HANDLE thread : writers()) ::CancelSynchronousIo(thread);
}

// A console takes UTF-16 (WriteConsoleW), as Go writes to one, so that UTF-8 shows
// whatever the console's code page; anything else takes the bytes.
long FdOutput::WriteSome(const char* data, std::size_t size, int* errnum) {
  if (abandoned) {
    *errnum = 0;
    return -1;
  }
  HANDLE handle = reinterpret_cast<HANDLE>(::_get_osfhandle(fd_));
  const DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(size, 1 << 16));
  DWORD mode = 0;
  if (::GetConsoleMode(handle, &mode)) {
    const std::u16string wide = go::Utf16FromString(std::string_view(data, chunk));
    DWORD written = 0;
    if (::WriteConsoleW(handle, wide.data(), static_cast<DWORD>(wide.size()), &written, nullptr)) {
      return static_cast<long>(chunk);
    }
  } else {
    Writing writing;
    DWORD written = 0;
    if (::WriteFile(handle, data, chunk, &written, nullptr)) return static_cast<long>(written);
  }
  const DWORD code = ::GetLastError();
  *errnum = abandoned ? 0 : static_cast<int>(code);
  return -1;
}

}  // namespace pvcwatch::print
