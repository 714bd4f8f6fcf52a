#include <limits.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>

#include "print/fd_output.h"

namespace pvcwatch::print {
namespace {

std::atomic<bool> abandoned{false};

}  // namespace

void FdOutput::AbandonBlockedWrites() { abandoned = true; }

long FdOutput::WriteSome(const char* data, std::size_t size, int* errnum) {
  for (;;) {
    // Wait for room in steps, so that AbandonBlockedWrites can end the wait; then write
    // at most PIPE_BUF bytes, which a pipe with room takes without blocking.
    if (abandoned) {
      *errnum = 0;
      return -1;
    }
    pollfd ready{fd_, POLLOUT, 0};
    const int polled = ::poll(&ready, 1, 100);
    if (polled == 0 || (polled < 0 && errno == EINTR)) continue;
    const ssize_t n = ::write(fd_, data, std::min<std::size_t>(size, PIPE_BUF));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) *errnum = errno;
    return static_cast<long>(n);
  }
}

}  // namespace pvcwatch::print
