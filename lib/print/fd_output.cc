#include "print/fd_output.h"

#include <cerrno>

namespace pvcwatch::print {

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
    int errnum = 0;
    const long n = WriteSome(data, left, &errnum);
    if (n < 0 && errnum == 0) {  // abandoned
      failed_ = true;
      return false;
    }
    if (n <= 0) {
      failed_ = true;
      if (on_error_) on_error_(n < 0 ? errnum : EIO);
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
