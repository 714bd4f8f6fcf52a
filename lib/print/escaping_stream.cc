#include "print/escaping_stream.h"

#include "print/terminal_escape.h"

namespace pvcwatch::print {

EscapingStream::EscapingStream(std::ostream& target) : std::ostream(nullptr), buffer_(target) {
  rdbuf(&buffer_);
}

EscapingStream::~EscapingStream() { buffer_.pubsync(); }

std::streambuf::int_type EscapingStream::Buffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  line_ += traits_type::to_char_type(c);
  if (c == '\n') WriteOut();
  return c;
}

int EscapingStream::Buffer::sync() {
  WriteOut();
  target_.flush();
  return target_ ? 0 : -1;
}

// A line at a time, so that a multi-byte character (a C1 control is two bytes in UTF-8)
// is never split between two calls of EscapeLine.
void EscapingStream::Buffer::WriteOut() {
  if (line_.empty()) return;
  target_ << EscapeLine(line_);
  line_.clear();
}

}  // namespace pvcwatch::print
