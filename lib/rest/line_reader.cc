#include "rest/line_reader.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "rest/errors.h"

namespace pvcwatch::rest {
namespace {

// The most taken from the source at once; Poco's chunked body buffers less than this.
constexpr std::streamsize kBlock = 64 * 1024;

}  // namespace

LineReader::LineReader(std::streambuf& source, size_t max_line, std::string host)
    : source_(source), max_line_(max_line), host_(std::move(host)) {}

std::optional<std::string> LineReader::Next() {
  for (;;) {
    const char* begin = buffer_.data() + start_;
    const size_t have = buffer_.size() - start_;
    if (const void* newline = std::memchr(begin + scanned_, '\n', have - scanned_)) {
      const size_t length = static_cast<size_t>(static_cast<const char*>(newline) - begin);
      if (length > max_line_) break;
      std::string line(begin, length);
      start_ += length + 1;
      scanned_ = 0;
      return line;
    }
    scanned_ = have;
    if (have > max_line_) break;
    if (ended_) {
      if (have == 0) return std::nullopt;
      std::string line(begin, have);
      start_ = buffer_.size();
      scanned_ = 0;
      return line;
    }
    Fill();
  }
  throw ConnectionError(host_, "watch event longer than " + std::to_string(max_line_) + " bytes");
}

void LineReader::Fill() {
  buffer_.erase(0, start_);
  start_ = 0;
  // sgetc waits for the source's next bytes (or its end); in_avail then says how many it
  // holds, which sgetn copies without waiting for more.
  if (source_.sgetc() == std::char_traits<char>::eof()) {
    ended_ = true;
    return;
  }
  const std::streamsize n = std::clamp<std::streamsize>(source_.in_avail(), 1, kBlock);
  const size_t old = buffer_.size();
  buffer_.resize(old + static_cast<size_t>(n));
  std::streamsize got = 0;
  try {
    got = source_.sgetn(buffer_.data() + old, n);
  } catch (...) {
    buffer_.resize(old);
    throw;
  }
  buffer_.resize(old + static_cast<size_t>(std::max<std::streamsize>(got, 0)));
}

}  // namespace pvcwatch::rest
