#pragma once

#include <ostream>
#include <streambuf>
#include <string>

#include "print/tab_writer.h"

namespace pvcwatch::print {

/// A stream through kubectl's tab writer: what is written is aligned at each flush. kubectl
/// get -w hands every printer its tab writer, so even -o jsonpath output is aligned at its
/// tabs while watching.
class TabWriterStream : public std::ostream {
 public:
  explicit TabWriterStream(std::ostream& target);
  ~TabWriterStream() override;

 private:
  class Buffer : public std::streambuf {
   public:
    explicit Buffer(std::ostream& target) : target_(target), writer_(target) {}
    int sync() override;

   protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;

   private:
    std::ostream& target_;
    TabWriter writer_;
  };
  Buffer buffer_;
};

}  // namespace pvcwatch::print
