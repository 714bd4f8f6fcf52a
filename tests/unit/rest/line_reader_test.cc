#include "rest/line_reader.h"

#include <algorithm>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <stdexcept>
#include <vector>

#include "rest/errors.h"

namespace pvcwatch::rest {
namespace {

// A body that arrives `block` bytes at a time, as a socket delivers it; `broken` makes
// its end a failure instead of EOF (a connection reset after the last byte).
class BlockBuf : public std::streambuf {
 public:
  BlockBuf(std::string data, size_t block, bool broken = false)
      : data_(std::move(data)), block_(block), broken_(broken) {}
  int underflows = 0;

 protected:
  int_type underflow() override {
    if (next_ == data_.size()) {
      if (broken_) throw std::runtime_error("Connection reset by peer");
      return traits_type::eof();
    }
    ++underflows;
    const size_t n = std::min(block_, data_.size() - next_);
    char* begin = data_.data() + next_;
    setg(begin, begin, begin + n);
    next_ += n;
    return traits_type::to_int_type(*begin);
  }

 private:
  std::string data_;
  size_t block_;
  bool broken_;
  size_t next_ = 0;
};

std::vector<std::string> ReadAll(LineReader& reader) {
  std::vector<std::string> lines;
  while (auto line = reader.Next()) lines.push_back(*line);
  return lines;
}

BOOST_AUTO_TEST_SUITE(line_reader_test)

const std::vector<size_t> kBlocks = {1, 2, 3, 5, 7, 16, 4096};

BOOST_DATA_TEST_CASE(lines_split_alike_across_any_block_boundaries,
                     boost::unit_test::data::make(kBlocks), block) {
  BlockBuf buf("{\"type\":\"ADDED\"}\n\nsecond line\n{\"type\":\"DELETED\"}\n", block);
  LineReader reader(buf, 64, "h:1");
  BOOST_TEST(ReadAll(reader) == (std::vector<std::string>{"{\"type\":\"ADDED\"}", "", "second line",
                                                          "{\"type\":\"DELETED\"}"}));
  BOOST_TEST(!reader.Next().has_value());
}

BOOST_DATA_TEST_CASE(the_end_of_the_body_mid_line_gives_that_line_then_the_end,
                     boost::unit_test::data::make(kBlocks), block) {
  BlockBuf buf("one\ntwo, unterminated", block);
  LineReader reader(buf, 64, "h:1");
  BOOST_TEST(ReadAll(reader) == (std::vector<std::string>{"one", "two, unterminated"}));
  BOOST_TEST(!reader.Next().has_value());
}

BOOST_DATA_TEST_CASE(a_line_of_the_limit_passes_and_one_byte_more_fails,
                     boost::unit_test::data::make(kBlocks), block) {
  const std::string limit(10, 'x');
  BlockBuf buf(limit + "\n" + limit + "\n" + limit + "y\nnever read\n", block);
  LineReader reader(buf, 10, "h:1");
  BOOST_TEST(*reader.Next() == limit);
  BOOST_TEST(*reader.Next() == limit);
  try {
    reader.Next();
    BOOST_FAIL("no error for a line of 11 bytes");
  } catch (const ConnectionError& e) {
    BOOST_TEST(e.host() == "h:1");
    BOOST_TEST(std::string(e.what()) == "watch event longer than 10 bytes");
  }
  // A line of exactly the limit at the end of the body, without its newline, passes.
  BlockBuf last(limit, block);
  LineReader at_end(last, 10, "h:1");
  BOOST_TEST(ReadAll(at_end) == (std::vector<std::string>{limit}));
}

BOOST_AUTO_TEST_CASE(an_endless_line_fails_without_reading_the_rest_of_the_body) {
  // The error comes as soon as more than the limit has come, not at the line's end.
  BlockBuf buf(std::string(1 << 20, 'x'), 100);
  LineReader reader(buf, 1000, "h:1");
  BOOST_CHECK_THROW(reader.Next(), ConnectionError);
  BOOST_TEST(buf.underflows <= 11);
}

BOOST_AUTO_TEST_CASE(whole_blocks_are_taken_at_once) {
  std::string body;
  for (int i = 0; i < 1000; ++i) body += "{\"n\":" + std::to_string(i) + "}\n";
  BlockBuf buf(body, 4096);
  LineReader reader(buf, 1 << 20, "h:1");
  const std::vector<std::string> lines = ReadAll(reader);
  BOOST_TEST(lines.size() == 1000u);
  BOOST_TEST(lines.back() == "{\"n\":999}");
  BOOST_TEST(buf.underflows == static_cast<int>((body.size() + 4095) / 4096));
}

BOOST_DATA_TEST_CASE(a_failing_source_fails_after_the_lines_it_delivered,
                     boost::unit_test::data::make(kBlocks), block) {
  BlockBuf buf("one\ntwo\npart", block, true);
  LineReader reader(buf, 64, "h:1");
  BOOST_TEST(*reader.Next() == "one");
  BOOST_TEST(*reader.Next() == "two");
  BOOST_CHECK_THROW(reader.Next(), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::rest
