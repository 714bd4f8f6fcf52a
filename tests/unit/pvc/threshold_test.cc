#include "pvc/threshold.h"

#include <boost/test/unit_test.hpp>

namespace pvcwatch::pvc {
namespace {

using Crossing = Threshold::Crossing;

BOOST_AUTO_TEST_SUITE(threshold_test)

BOOST_AUTO_TEST_CASE(edge_triggered_both_ways) {
  Threshold t(Quantity::Parse("200Gi"));
  BOOST_TEST((t.Update(Quantity::Parse("150Gi")) == Crossing::kNone));
  BOOST_TEST((t.Update(Quantity::Parse("225Gi")) == Crossing::kOverage));
  BOOST_TEST((t.Update(Quantity::Parse("300Gi")) == Crossing::kNone));
  BOOST_TEST((t.Update(Quantity::Parse("201Gi")) == Crossing::kNone));
  BOOST_TEST((t.Update(Quantity::Parse("200Gi")) == Crossing::kNormal));
  BOOST_TEST((t.Update(Quantity::Parse("100Gi")) == Crossing::kNone));
  BOOST_TEST(!t.over());
}

BOOST_AUTO_TEST_CASE(starting_over_is_an_overage_starting_under_is_silent) {
  Threshold over(Quantity::Parse("1Gi"));
  BOOST_TEST((over.Update(Quantity::Parse("2Gi")) == Crossing::kOverage));
  Threshold under(Quantity::Parse("1Gi"));
  BOOST_TEST((under.Update(Quantity::Parse("1Gi")) == Crossing::kNone));
}

BOOST_AUTO_TEST_CASE(equal_is_not_over_and_formats_do_not_matter) {
  Threshold t(Quantity::Parse("1Gi"));
  BOOST_TEST((t.Update(Quantity::Parse("1073741824")) == Crossing::kNone));
  BOOST_TEST((t.Update(Quantity::Parse("1073741825")) == Crossing::kOverage));
}

BOOST_AUTO_TEST_CASE(new_limit_is_compared_on_next_update) {
  Threshold t(Quantity::Parse("100Gi"));
  BOOST_TEST((t.Update(Quantity::Parse("150Gi")) == Crossing::kOverage));
  t.set_max(Quantity::Parse("200Gi"));
  BOOST_TEST((t.Update(Quantity::Parse("150Gi")) == Crossing::kNormal));
}

BOOST_AUTO_TEST_CASE(percent) {
  Threshold t(Quantity::Parse("200Gi"));
  BOOST_TEST(t.Percent(Quantity::Parse("225Gi")) == 112.5, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(the_warning_tier_is_announced_once_on_the_way_up) {
  Threshold t(Quantity::Parse("100Gi"), Quantity::Parse("80"));
  BOOST_TEST((t.Update(Quantity::Parse("80Gi")) == Crossing::kNone));  // at 80%, not past it
  BOOST_TEST((t.Update(Quantity::Parse("81Gi")) == Crossing::kWarning));
  BOOST_TEST((t.Update(Quantity::Parse("90Gi")) == Crossing::kNone));
  BOOST_TEST((t.Update(Quantity::Parse("101Gi")) == Crossing::kOverage));
  BOOST_TEST((t.Update(Quantity::Parse("95Gi")) == Crossing::kNormal));  // within the limit
  BOOST_TEST((t.Update(Quantity::Parse("85Gi")) == Crossing::kNone));
  BOOST_TEST((t.Update(Quantity::Parse("50Gi")) == Crossing::kNone));  // re-armed
  BOOST_TEST((t.Update(Quantity::Parse("85Gi")) == Crossing::kWarning));
}

BOOST_AUTO_TEST_CASE(the_warning_share_is_compared_exactly) {
  // 1/3 of 3 bytes is 1 byte: 33.4% of 3 is 1.002, which 1 byte does not pass.
  BOOST_TEST(!IsPast(Quantity::Parse("1"), Quantity::Parse("3"), Quantity::Parse("33.4")));
  BOOST_TEST(IsPast(Quantity::Parse("1"), Quantity::Parse("3"), Quantity::Parse("33.3")));
  BOOST_TEST(!IsPast(Quantity::Parse("80Gi"), Quantity::Parse("100Gi"), Quantity::Parse("80")));
  BOOST_TEST(
      IsPast(Quantity::Parse("85899345921"), Quantity::Parse("100Gi"), Quantity::Parse("80")));
  Threshold starting(Quantity::Parse("10"), Quantity::Parse("50"));
  BOOST_TEST((starting.Update(Quantity::Parse("6")) == Crossing::kWarning));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::pvc
