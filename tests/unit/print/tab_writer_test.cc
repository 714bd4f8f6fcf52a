#include "print/tab_writer.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "../golden_files.h"

namespace pvcwatch::print {
namespace {

namespace data = boost::unit_test::data;

// In a .input file, this line stands for a Flush() call (one watch event per flush).
constexpr std::string_view kFlushMarker = "<<flush>>\n";

// Writes `input` chunk by chunk, flushing after each, as the oracle does.
std::string Format(std::string_view input) {
  std::ostringstream out;
  TabWriter writer(out);
  while (true) {
    const std::size_t marker = input.find(kFlushMarker);
    writer.Write(input.substr(0, marker));
    writer.Flush();
    if (marker == std::string_view::npos) break;
    input.remove_prefix(marker + kFlushMarker.size());
  }
  return out.str();
}

const std::vector<std::string> kCases = testing::GoldenCases("tab_writer", ".input");

}  // namespace

BOOST_AUTO_TEST_SUITE(tab_writer_test)

// Goldens printed by github.com/liggitt/tabwriter with cli-runtime's settings.
BOOST_DATA_TEST_CASE(output_matches_liggitt_tabwriter, data::make(kCases), name) {
  std::string input, expected;
  const auto dir = testing::GoldenDir("tab_writer");
  BOOST_REQUIRE(testing::ReadGolden(dir / (name + ".input"), input));
  BOOST_REQUIRE(testing::ReadGolden(dir / (name + ".golden"), expected));
  BOOST_TEST(Format(input) == expected);
}

BOOST_AUTO_TEST_CASE(corpus_is_present) { BOOST_TEST(kCases.size() >= 10u); }

BOOST_AUTO_TEST_CASE(columns_are_max_width_plus_padding_at_least_six) {
  BOOST_TEST(Format("a\tb\nabcdef\tc\n") == "a        b\nabcdef   c\n");
  BOOST_TEST(Format("a\tb\n") == "a     b\n");
}

BOOST_AUTO_TEST_CASE(last_cell_is_never_padded) {
  BOOST_TEST(Format("NAME\tAGE\nx\t1s\n") == "NAME   AGE\nx      1s\n");
}

BOOST_AUTO_TEST_CASE(widths_are_remembered_across_flushes_and_only_grow) {
  std::ostringstream out;
  TabWriter writer(out);
  writer.Write("NAME\tAGE\na\t1s\n");
  writer.Flush();
  writer.Write("a-longer-name\t2s\n");
  writer.Flush();
  writer.Write("b\t3s\n");
  writer.Flush();
  BOOST_TEST(out.str() ==
             "NAME   AGE\n"
             "a      1s\n"
             "a-longer-name   2s\n"
             "b               3s\n");
}

BOOST_AUTO_TEST_CASE(width_counts_code_points_not_bytes) {
  BOOST_TEST(Format("日本語\tx\nab\ty\n") == "日本語   x\nab    y\n");
}

BOOST_AUTO_TEST_CASE(nothing_is_written_before_flush) {
  std::ostringstream out;
  TabWriter writer(out);
  writer.Write("a\tb\n");
  BOOST_TEST(out.str().empty());
  writer.Flush();
  BOOST_TEST(out.str() == "a     b\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::print
