#include "print/fd_output.h"

#include <limits.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>

namespace pvcwatch::print {
namespace {

std::atomic<bool> abandoned{false};

}  // namespace

void FdOutput::AbandonBlockedWrites() { abandoned = true; }

FdOutput::FdOutput(int fd, std::function<void(int)> on_error, std::size_t buffer_size)
    : fd_(fd), on_error_(std::move(on_error)), buffer_(buffer_size > 0 ? buffer_size : 1) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

FdOutput::~FdOutput() { Flush(); }

bool FdOutput::Flush() {
  const char* data = pbase();
  std::size_t left = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  if (failed_) return false;
  while (left > 0) {
    // Wait for room in steps, so that AbandonBlockedWrites can end the wait; then write
    // at most PIPE_BUF bytes, which a pipe with room takes without blocking.
    if (abandoned) {
      failed_ = true;
      return false;
    }
    pollfd ready{fd_, POLLOUT, 0};
    int polled = ::poll(&ready, 1, 100);
    if (polled == 0 || (polled < 0 && errno == EINTR)) continue;
    ssize_t n = ::write(fd_, data, std::min<std::size_t>(left, PIPE_BUF));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      failed_ = true;
      if (on_error_) on_error_(n < 0 ? errno : EIO);
      return false;
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

FdOutput::int_type FdOutput::overflow(int_type c) {
  if (!Flush()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

int FdOutput::sync() { return Flush() ? 0 : -1; }

}  // namespace pvcwatch::print
