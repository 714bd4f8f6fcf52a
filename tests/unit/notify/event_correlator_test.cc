#include "notify/event_correlator.h"

#include <boost/test/unit_test.hpp>

#include "json/parser.h"

namespace pvcwatch::notify {
namespace {

using namespace std::chrono_literals;
using Time = EventCorrelator::Time;

const Time kT0 = Time(std::chrono::seconds(1796317200));  // 2026-12-03T17:00:00Z

EventRequest Overage(const std::string& message = "Claim overage reached") {
  return {{"ResourceQuota", "team-a", "budget", "uid-1"}, "Warning", "ClaimOverage", message};
}

BOOST_AUTO_TEST_SUITE(event_correlator_test)

BOOST_AUTO_TEST_CASE(rfc3339_in_utc) {
  BOOST_TEST(Rfc3339(kT0) == "2026-12-03T17:00:00Z");
  BOOST_TEST(Rfc3339(Time(std::chrono::seconds(951782400))) == "2000-02-29T00:00:00Z");
}

BOOST_AUTO_TEST_CASE(a_new_event_is_created_and_a_repeated_one_patched) {
  EventCorrelator c("pvcwatch", "pod-1");
  CorrelatedEvent first = c.Correlate(Overage(), kT0);
  BOOST_TEST(!first.skip);
  BOOST_TEST(first.patch.empty());
  BOOST_TEST(first.namespace_name == "team-a");
  BOOST_TEST(first.name.rfind("budget.", 0) == 0u);
  BOOST_TEST(first.event["count"].AsString() == "1");
  BOOST_TEST(first.event["source"]["host"].AsString() == "pod-1");
  c.Recorded(first.key, json::Parse(R"({"metadata":{"name":")" + first.name +
                                    R"(","resourceVersion":"7"},"count":1,)"
                                    R"("firstTimestamp":"2026-12-03T17:00:00Z"})"));
  CorrelatedEvent second = c.Correlate(Overage(), kT0 + 30s);
  BOOST_TEST(second.name == first.name);
  BOOST_TEST(
      second.patch ==
      R"({"count":2,"lastTimestamp":"2026-12-03T17:00:30Z","message":"Claim overage reached"})");
  BOOST_TEST(second.event["firstTimestamp"].AsString() == "2026-12-03T17:00:00Z");
}

BOOST_AUTO_TEST_CASE(ten_messages_of_one_reason_are_combined) {
  EventCorrelator c("pvcwatch", "");
  for (int i = 1; i <= 9; ++i) {
    CorrelatedEvent e = c.Correlate(Overage("used " + std::to_string(i)), kT0 + i * 1s);
    BOOST_TEST(e.event["message"].AsString() == "used " + std::to_string(i));
  }
  CorrelatedEvent tenth = c.Correlate(Overage("used 10"), kT0 + 10s);
  BOOST_TEST(tenth.event["message"].AsString() == "(combined from similar events): used 10");
  BOOST_TEST(tenth.patch.empty());
  CorrelatedEvent eleventh = c.Correlate(Overage("used 11"), kT0 + 11s);
  BOOST_TEST(eleventh.name == tenth.name);  // the combined event, patched
  BOOST_TEST(!eleventh.patch.empty());
  // After ten quiet minutes the group starts over.
  CorrelatedEvent later = c.Correlate(Overage("used 12"), kT0 + 11s + 601s);
  BOOST_TEST(later.event["message"].AsString() == "used 12");
}

BOOST_AUTO_TEST_CASE(a_source_bursts_25_events_about_an_object_then_one_per_5_minutes) {
  EventCorrelator c("pvcwatch", "");
  for (int i = 0; i < 25; ++i) BOOST_TEST(!c.Correlate(Overage(), kT0).skip);
  BOOST_TEST(c.Correlate(Overage(), kT0).skip);
  BOOST_TEST(c.Correlate(Overage(), kT0 + 299s).skip);
  BOOST_TEST(!c.Correlate(Overage(), kT0 + 300s).skip);
  BOOST_TEST(c.Correlate(Overage(), kT0 + 301s).skip);
  // Another object has its own bucket.
  EventRequest other = Overage();
  other.object.name = "other";
  BOOST_TEST(!c.Correlate(other, kT0 + 301s).skip);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::notify
