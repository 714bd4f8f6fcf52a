#include "print/tab_writer_stream.h"

#include <string_view>

namespace pvcwatch::print {

TabWriterStream::TabWriterStream(std::ostream& target) : std::ostream(nullptr), buffer_(target) {
  rdbuf(&buffer_);
}

TabWriterStream::~TabWriterStream() { buffer_.pubsync(); }

std::streambuf::int_type TabWriterStream::Buffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char ch = traits_type::to_char_type(c);
  writer_.Write(std::string_view(&ch, 1));
  return c;
}

std::streamsize TabWriterStream::Buffer::xsputn(const char* s, std::streamsize n) {
  writer_.Write(std::string_view(s, static_cast<std::size_t>(n)));
  return n;
}

int TabWriterStream::Buffer::sync() {
  writer_.Flush();
  target_.flush();
  return target_ ? 0 : -1;
}

}  // namespace pvcwatch::print
