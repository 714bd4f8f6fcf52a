#pragma once

// Internal to lib/rest: a watch body split into lines, read from its streambuf in blocks.

#include <cstddef>
#include <optional>
#include <streambuf>
#include <string>

namespace pvcwatch::rest {

/// Splits what a streambuf delivers into '\n'-terminated lines, taking whatever bytes it
/// has buffered at once (never waiting for more than one byte) rather than one at a time.
class LineReader {
 public:
  /// `host` names the server in the error of a line longer than `max_line` bytes.
  LineReader(std::streambuf& source, size_t max_line, std::string host);

  /// The next line without its newline; a last line without one at the end of the body;
  /// then nullopt. Throws ConnectionError for a line longer than `max_line` bytes (as soon
  /// as more than that has come without a newline); the source's exceptions pass through.
  std::optional<std::string> Next();

 private:
  /// Drops the lines already returned and appends what the source has (blocking for at
  /// least one byte); sets ended_ at its end.
  void Fill();

  std::streambuf& source_;
  size_t max_line_;
  std::string host_;
  std::string buffer_;
  size_t start_ = 0;    // where the next line begins in buffer_
  size_t scanned_ = 0;  // bytes after start_ known to hold no newline
  bool ended_ = false;
};

}  // namespace pvcwatch::rest
