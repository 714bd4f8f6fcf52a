#include "print/claim_table.h"

#include <boost/test/unit_test.hpp>
#include <sstream>

#include "json/parser.h"

namespace pvcwatch::print {
namespace {

const std::chrono::system_clock::time_point kNow{std::chrono::seconds(1800000000)};

BOOST_AUTO_TEST_SUITE(claim_table_test)

BOOST_AUTO_TEST_CASE(server_table_without_columns_prints_empty_lines) {
  // Found by tests/fuzz/list_decoder_fuzz.cc: a Table without columnDefinitions made an
  // empty line, whose last character was then overwritten.
  json::Value table = json::Parse(R"({"kind":"Table","rows":[{"cells":["a"]}]})");
  std::vector<json::Value> items = {json::Parse(R"({"metadata":{"name":"a"}})")};
  std::ostringstream out;
  ClaimTable claims(out, TableOptions{}, kNow);
  claims.PrintPage(items, table);
  BOOST_TEST(out.str() == "\n\n");
  BOOST_TEST(claims.rows() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::print
