#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace pvcwatch::print {

/// A stream that passes what is written to it through EscapeLine, line by line, before
/// `target` sees it. kubectl writes -o name, jsonpath and custom-columns output raw (custom
/// columns escape ESC and CR only); on a pipe we write kubectl's bytes, but a terminal gets
/// no control character from the server's objects but tab and newline.
class EscapingStream : public std::ostream {
 public:
  explicit EscapingStream(std::ostream& target);
  ~EscapingStream() override;

 private:
  class Buffer : public std::streambuf {
   public:
    explicit Buffer(std::ostream& target) : target_(target) {}
    int sync() override;

   protected:
    int_type overflow(int_type c) override;

   private:
    void WriteOut();
    std::ostream& target_;
    std::string line_;
  };
  Buffer buffer_;
};

}  // namespace pvcwatch::print
