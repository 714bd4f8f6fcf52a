#include "notify/cooldown.h"

#include <boost/test/unit_test.hpp>

#include "json/encode.h"

namespace pvcwatch::notify {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

Notification Crossing(const std::string& budget, const std::string& state) {
  Notification n;
  n.budget = budget;
  n.state = state;
  n.document.Set("type", json::Value::String(state));
  return n;
}

BOOST_AUTO_TEST_SUITE(cooldown_test)

BOOST_AUTO_TEST_CASE(no_period_sends_everything) {
  Cooldown cooldown(0ms);
  const Clock::time_point t0 = Clock::now();
  BOOST_TEST(cooldown.Offer(Crossing("", "overage"), t0).has_value());
  BOOST_TEST(cooldown.Offer(Crossing("", "normal"), t0).has_value());
  BOOST_TEST(!cooldown.NextEnd().has_value());
}

BOOST_AUTO_TEST_CASE(a_flap_back_is_held_and_reported_not_sent) {
  Cooldown cooldown(60s);
  const Clock::time_point t0 = Clock::now();
  BOOST_TEST(cooldown.Offer(Crossing("", "overage"), t0).has_value());
  BOOST_TEST(!cooldown.Offer(Crossing("", "normal"), t0 + 1s).has_value());
  BOOST_TEST(!cooldown.Offer(Crossing("", "overage"), t0 + 2s).has_value());
  BOOST_TEST((cooldown.NextEnd() == t0 + 60s));
  BOOST_TEST(cooldown.Expire(t0 + 59s).empty());
  const std::vector<Cooldown::Ended> ended = cooldown.Expire(t0 + 60s);
  BOOST_TEST_REQUIRE(ended.size() == 1u);
  BOOST_TEST(ended[0].held == 2u);
  BOOST_TEST(ended[0].state == "overage");
  BOOST_TEST(!ended[0].send.has_value());
  // The period is over: the next crossing goes at once, and starts another.
  BOOST_TEST(cooldown.Offer(Crossing("", "normal"), t0 + 61s).has_value());
  BOOST_TEST(!cooldown.Offer(Crossing("", "overage"), t0 + 62s).has_value());
}

BOOST_AUTO_TEST_CASE(a_changed_state_is_sent_when_the_period_ends) {
  Cooldown cooldown(10s);
  const Clock::time_point t0 = Clock::now();
  BOOST_TEST(cooldown.Offer(Crossing("ns/q/requests.storage", "overage"), t0).has_value());
  BOOST_TEST(!cooldown.Offer(Crossing("ns/q/requests.storage", "normal"), t0 + 1s).has_value());
  BOOST_TEST(!cooldown.Offer(Crossing("ns/q/requests.storage", "overage"), t0 + 2s).has_value());
  BOOST_TEST(!cooldown.Offer(Crossing("ns/q/requests.storage", "normal"), t0 + 3s).has_value());
  // Another limit has its own cooldown.
  BOOST_TEST(
      cooldown.Offer(Crossing("ns/q/persistentvolumeclaims", "overage"), t0 + 4s).has_value());
  const std::vector<Cooldown::Ended> ended = cooldown.Expire(t0 + 10s);
  BOOST_TEST_REQUIRE(ended.size() == 1u);
  BOOST_TEST(ended[0].budget == "ns/q/requests.storage");
  BOOST_TEST_REQUIRE(ended[0].send.has_value());
  const Notification& sent = *ended[0].send;
  BOOST_TEST(sent.state == "normal");
  BOOST_TEST(sent.held);
  BOOST_TEST(sent.suppressed == 2u);
  BOOST_TEST(json::CompactJson(sent.document) == R"({"held":true,"suppressed":2,"type":"normal"})");
  BOOST_TEST(sent.env.at("PVCWATCH_SUPPRESSED") == "2");
  // What was sent starts the next period.
  BOOST_TEST(!cooldown.Offer(Crossing("ns/q/requests.storage", "overage"), t0 + 11s).has_value());
  BOOST_TEST((cooldown.NextEnd() == t0 + 20s));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::notify
