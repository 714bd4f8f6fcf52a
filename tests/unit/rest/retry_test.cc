#include "rest/retry.h"

#include <boost/test/unit_test.hpp>

namespace pvcwatch::rest {
namespace {

BOOST_AUTO_TEST_SUITE(retry_test)

BOOST_AUTO_TEST_CASE(retries_429_and_5xx_with_a_retry_after) {
  BOOST_TEST(RetryAfterWait(429, "3").value_or(-1) == 3);
  BOOST_TEST(RetryAfterWait(500, "1").value_or(-1) == 1);
  BOOST_TEST(RetryAfterWait(503, "0").value_or(-1) == 0);
  BOOST_TEST(RetryAfterWait(599, "+2").value_or(-1) == 2);
}

BOOST_AUTO_TEST_CASE(other_statuses_and_unreadable_headers_are_not_retried) {
  BOOST_TEST(!RetryAfterWait(200, "1").has_value());
  BOOST_TEST(!RetryAfterWait(404, "1").has_value());
  BOOST_TEST(!RetryAfterWait(410, "1").has_value());
  BOOST_TEST(!RetryAfterWait(503, "").has_value());
  BOOST_TEST(!RetryAfterWait(503, "Wed, 21 Oct 2015 07:28:00 GMT").has_value());
  BOOST_TEST(!RetryAfterWait(503, " 1").has_value());
  BOOST_TEST(!RetryAfterWait(503, "1.5").has_value());
  BOOST_TEST(!RetryAfterWait(503, "-").has_value());
  BOOST_TEST(!RetryAfterWait(503, "99999999999999999999").has_value());
}

BOOST_AUTO_TEST_CASE(negative_waits_retry_at_once_and_long_ones_are_capped) {
  BOOST_TEST(RetryAfterWait(429, "-5").value_or(-1) == 0);
  BOOST_TEST(RetryAfterWait(429, "86400").value_or(-1) == 300);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::rest
