#include "go/sort.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <vector>

namespace pvcwatch::go {
namespace {

namespace data = boost::unit_test::data;

// Go 1.26's sort.Sort on indices 0..n-1 keyed (i * 7919) % 5: five keys, many ties, so
// the result is the algorithm's own (sort.Sort is not stable). Each case gives Go's first
// five indices and a checksum of the whole order, sum = (sum * 31 + order[p] * (p + 1)) mod
// 1e9+7.
struct Case {
  std::size_t n;
  std::vector<std::size_t> first;
  long long checksum;
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << "n=" << c.n; }

BOOST_AUTO_TEST_SUITE(sort_test)

BOOST_DATA_TEST_CASE(ties_come_out_as_gos,
                     data::make(std::vector<Case>{{5, {0, 4, 3, 2, 1}, 247230},
                                                  {13, {5, 10, 0, 9, 4}, 507963238},
                                                  {40, {20, 10, 35, 30, 0}, 191475593},
                                                  {200, {40, 195, 190, 185, 180}, 279215793}}),
                     c) {
  std::vector<std::size_t> order(c.n);
  for (std::size_t i = 0; i < c.n; ++i) order[i] = i;
  Sort(order, [](std::size_t i, std::size_t j) { return (i * 7919) % 5 < (j * 7919) % 5; });
  BOOST_TEST(std::vector<std::size_t>(order.begin(), order.begin() + 5) == c.first,
             boost::test_tools::per_element());
  long long sum = 0;
  for (std::size_t p = 0; p < order.size(); ++p) {
    sum = (sum * 31 + static_cast<long long>(order[p] * (p + 1))) % 1000000007;
  }
  BOOST_TEST(sum == c.checksum);
  for (std::size_t p = 1; p < order.size(); ++p) {
    BOOST_TEST((order[p - 1] * 7919) % 5 <= (order[p] * 7919) % 5);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::go
