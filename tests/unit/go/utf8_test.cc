#include "go/utf8.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <string>
#include <tuple>
#include <vector>

namespace pvcwatch::go {
namespace {

namespace data = boost::unit_test::data;

// utf8.RuneCountInString answers: each byte of an invalid sequence counts once.
const std::vector<std::tuple<std::string, std::size_t>> kCounts = {
    {"", 0},
    {"abc", 3},
    {"日本語", 3},
    {"😀", 1},
    {"\xff", 1},
    {"\xc3", 1},
    {"\xc3(", 2},
    {"\xe2\x82", 2},
    {"\xed\xa0\x80", 3},      // a surrogate is not valid UTF-8
    {"\xc0\xaf", 2},          // nor an overlong encoding
    {"\xf4\x90\x80\x80", 4},  // nor anything past U+10FFFF
};

}  // namespace

BOOST_AUTO_TEST_SUITE(utf8_test)

BOOST_DATA_TEST_CASE(counts_runes_as_go_does, data::make(kCounts), text, expected) {
  BOOST_TEST(RuneCount(text) == expected);
}

BOOST_AUTO_TEST_CASE(decodes_and_encodes_code_points) {
  for (char32_t c : {U'a', U'\u00e9', U'\u2028', U'\U0001F600', U'\uFFFD'}) {
    std::string text;
    AppendRune(text, c);
    const Rune rune = DecodeRune(text);
    BOOST_TEST(rune.valid);
    BOOST_TEST(static_cast<std::uint32_t>(rune.value) == static_cast<std::uint32_t>(c));
    BOOST_TEST(rune.size == text.size());
  }
}

BOOST_AUTO_TEST_CASE(invalid_bytes_decode_one_at_a_time_as_replacement) {
  const Rune rune = DecodeRune("\xe2\x82(");
  BOOST_TEST(!rune.valid);
  BOOST_TEST(rune.size == 1u);
  BOOST_TEST(static_cast<std::uint32_t>(rune.value) == 0xFFFDu);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::go
