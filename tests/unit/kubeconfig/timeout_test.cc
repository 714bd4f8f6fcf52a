#include "kubeconfig/timeout.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "kubeconfig/errors.h"

namespace pvcwatch::kubeconfig {
namespace {

namespace data = boost::unit_test::data;
using std::chrono::milliseconds;

constexpr char kInvalid[] =
    "error: Invalid timeout value. Timeout must be a single integer in seconds, or an "
    "integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)";

struct TimeoutCase {
  std::string value;
  long long milliseconds;  // -1: rejected
};
std::ostream& operator<<(std::ostream& os, const TimeoutCase& c) { return os << c.value; }

BOOST_AUTO_TEST_SUITE(timeout_test)

BOOST_DATA_TEST_CASE(
    parses_as_kubectl_request_timeout,
    data::make(std::vector<TimeoutCase>{
        {"0", 0},         {"30", 30000},      {"+5", 5000},
        {"007", 7000},    {"1s", 1000},       {"2m", 120000},
        {"3h", 10800000}, {"1h30m", 5400000}, {"1.5s", 1500},
        {".5s", 500},     {"300ms", 300},     {"1500us", 1},
        {"1ns", 1},                    // positive but below a millisecond: still a timeout
        {"0s", 0},        {"-1s", 0},  // Go's http.Client ignores non-positive timeouts
        {"", -1},         {"-1", -1},         {"1x", -1},
        {"s", -1},        {"1.s", 1000},      {".s", -1},
        {"1 s", -1},      {"5m ", -1},        {"99999999999999999999", -1},
    }),
    c) {
  if (c.milliseconds < 0) {
    try {
      ParseTimeout(c.value);
      BOOST_FAIL("expected an error");
    } catch (const Error& e) {
      BOOST_TEST(e.KubectlText() == kInvalid);
    }
  } else {
    BOOST_TEST(ParseTimeout(c.value).count() == c.milliseconds);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::kubeconfig
