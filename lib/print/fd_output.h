#pragma once

#include <cstddef>
#include <functional>
#include <streambuf>
#include <vector>

namespace pvcwatch::print {

/// A stream buffer writing to a file descriptor that reports a failed write (its errno)
/// to `on_error` instead of setting a stream state nobody reads: a closed pipe or a full
/// disk must end the program (main decides how), not be ignored through later events.
/// After a failure that `on_error` returns from, output is dropped.
class FdOutput : public std::streambuf {
 public:
  FdOutput(int fd, std::function<void(int errnum)> on_error, std::size_t buffer_size = 1 << 16);
  ~FdOutput() override;  ///< Flushes what is buffered.
  FdOutput(const FdOutput&) = delete;
  FdOutput& operator=(const FdOutput&) = delete;

  /// Makes every FdOutput give up a write it is blocked in (its reader stopped reading)
  /// within 0.1 s, and drop its output from then on; for the end of the program, so that
  /// a thread blocked on a stalled stdout can be joined.
  static void AbandonBlockedWrites();

 protected:
  int_type overflow(int_type c) override;
  int sync() override;

 private:
  bool Flush();
  // Writes some of `data` (fd_output_posix.cc, fd_output_windows.cc): how much, or -1
  // with the failure in `*errnum` (0 when abandoned).
  long WriteSome(const char* data, std::size_t size, int* errnum);

  int fd_;
  std::function<void(int)> on_error_;
  std::vector<char> buffer_;
  bool failed_ = false;
};

}  // namespace pvcwatch::print
