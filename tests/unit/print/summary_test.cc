#include "print/summary.h"

#include <boost/test/unit_test.hpp>
#include <sstream>

#include "../pvc/claim_fixture.h"

namespace pvcwatch::print {
namespace {

using testing::ClaimObject;

std::string Summary(const std::string& request, const std::string& max, bool tty) {
  pvc::Ledger ledger(nullptr, nullptr);
  ledger.BeginReplace();
  ledger.ReplacePage({ClaimObject("u1", "a", request)});
  ledger.EndReplace("1");
  std::ostringstream out;
  PrintSummary(ledger, Quantity::Parse(max), false, tty, out);
  return out.str();
}

std::string Bar(const char* cell) {
  std::string bar = "[";
  for (int i = 0; i < 30; ++i) bar += cell;
  return bar + "]";
}

BOOST_AUTO_TEST_SUITE(summary_test)

BOOST_AUTO_TEST_CASE(a_total_far_beyond_the_maximum_fills_the_bar) {
  // Found by tests/fuzz/list_decoder_fuzz.cc: the bar's width was converted to int from
  // a double out of int's range (undefined behaviour).
  BOOST_TEST(Summary("1e80", "200Gi", true).find(Bar("\u2588")) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_zero_maximum_draws_an_empty_bar) {
  BOOST_TEST(Summary("1Gi", "0", true).find(Bar("\u2591")) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_huge_percentage_is_printed_whole) {
  // 1e80 of 200Gi is 4.66e72 %: 71 digits and ".1" with %3.1f, where a 64-byte buffer
  // used to cut the number short.
  const std::string text = Summary("1e80", "200Gi", false);
  const size_t open = text.find(" (");
  const size_t percent = text.find("%, ");
  BOOST_REQUIRE(open != std::string::npos);
  BOOST_REQUIRE(percent != std::string::npos);
  BOOST_TEST(percent - (open + 2) == 73u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::print
