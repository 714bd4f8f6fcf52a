#include "metrics/exposition.h"

#include <boost/test/unit_test.hpp>

namespace pvcwatch::metrics {
namespace {

std::vector<Family> Example() {
  return {Family{"pvcwatch_claimed_bytes",
                 "Storage\\taken\nin bytes.",
                 Family::Type::kGauge,
                 {{{{"namespace", "a\"b\\c\nd"}, {"basis", "quota"}}, "1073741824"}}},
          Family{"pvcwatch_crossings", "Crossings.", Family::Type::kCounter, {{{}, "2"}}}};
}

BOOST_AUTO_TEST_SUITE(exposition_test)

BOOST_AUTO_TEST_CASE(the_text_format_escapes_help_and_label_values) {
  BOOST_TEST(Write(Example(), Format::kText) ==
             "# HELP pvcwatch_claimed_bytes Storage\\\\taken\\nin bytes.\n"
             "# TYPE pvcwatch_claimed_bytes gauge\n"
             "pvcwatch_claimed_bytes{namespace=\"a\\\"b\\\\c\\nd\",basis=\"quota\"} 1073741824\n"
             "# HELP pvcwatch_crossings_total Crossings.\n"
             "# TYPE pvcwatch_crossings_total counter\n"
             "pvcwatch_crossings_total 2\n");
}

BOOST_AUTO_TEST_CASE(openmetrics_names_counter_families_without_total_and_ends_with_eof) {
  const std::string text = Write(Example(), Format::kOpenMetrics);
  BOOST_TEST(text.find("# TYPE pvcwatch_crossings counter\npvcwatch_crossings_total 2\n") !=
             std::string::npos);
  BOOST_TEST(text.substr(text.size() - 6) == "# EOF\n");
}

BOOST_AUTO_TEST_CASE(negotiation_and_values) {
  BOOST_TEST((Negotiate("application/openmetrics-text;version=1.0.0,text/plain;q=0.5") ==
              Format::kOpenMetrics));
  BOOST_TEST((Negotiate("text/plain") == Format::kText));
  BOOST_TEST((Negotiate("") == Format::kText));
  BOOST_TEST(FormatValue(1073741824.0) == "1.073741824e+09");
  BOOST_TEST(FormatValue(0.5) == "0.5");
  BOOST_TEST(FormatValue(12.0) == "12");
  BOOST_TEST(FormatValue(1.0 / 0.0) == "+Inf");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::metrics
