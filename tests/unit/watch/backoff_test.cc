#include "watch/backoff.h"

#include <boost/test/unit_test.hpp>
#include <chrono>

namespace pvcwatch::watch {
namespace {

using namespace std::chrono_literals;

// The wait without its jitter lies in [base, 2 * base] (wait.Jitter(d, 1.0)).
bool Within(Backoff::Duration wait, Backoff::Duration base) {
  return wait >= base && wait <= 2 * base;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(backoff_test)

BOOST_AUTO_TEST_CASE(doubles_from_800ms_to_30s_with_jitter) {
  Backoff backoff(42);
  auto now = std::chrono::steady_clock::time_point{} + 1h;
  const Backoff::Duration bases[] = {800ms,   1600ms,  3200ms,  6400ms,
                                     12800ms, 25600ms, 30000ms, 30000ms};
  for (Backoff::Duration base : bases) {
    const Backoff::Duration wait = backoff.Next(now);
    BOOST_TEST(Within(wait, base), wait.count() << " ms for " << base.count());
    now += 1s;
  }
}

BOOST_AUTO_TEST_CASE(starts_over_after_two_quiet_minutes) {
  Backoff backoff(7);
  auto now = std::chrono::steady_clock::time_point{} + 1h;
  backoff.Next(now);
  backoff.Next(now + 1s);
  BOOST_TEST(Within(backoff.Next(now + 2s), 3200ms));
  BOOST_TEST(Within(backoff.Next(now + 2s + 2min + 1ms), 800ms));
}

BOOST_AUTO_TEST_CASE(jitter_differs_between_seeds_but_not_within_one) {
  auto now = std::chrono::steady_clock::time_point{} + 1h;
  Backoff a(1), b(1), c(2);
  const auto wa = a.Next(now), wb = b.Next(now), wc = c.Next(now);
  BOOST_TEST(wa.count() == wb.count());
  BOOST_TEST(wa.count() != wc.count());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::watch
