#include "watch/reflector.h"

#include <boost/test/unit_test.hpp>
#include <deque>
#include <variant>

#include "../pvc/claim_fixture.h"
#include "json/parser.h"
#include "rest/errors.h"

namespace pvcwatch::watch {
namespace {

using testing::ClaimObject;

// Virtual time: Sleep returns at once and records how long it would have waited.
class FakeClock : public clock::Clock {
 public:
  std::chrono::steady_clock::time_point Now() override { return now_; }
  bool Sleep(Duration d) override {
    sleeps.push_back(d);
    now_ += d;
    return !stopped_;
  }
  void Stop() override { stopped_ = true; }
  bool Stopped() const override { return stopped_; }
  std::vector<Duration> sleeps;

 private:
  std::chrono::steady_clock::time_point now_{};
  bool stopped_ = false;
};

using Failure = std::variant<rest::StatusError, rest::ConnectionError>;

[[noreturn]] void Throw(const Failure& f) {
  std::visit([](const auto& e) { throw e; }, f);
  std::abort();  // every alternative throws
}

// A watch script: events, then a clean end or a failure.
struct WatchScript {
  std::vector<Event> events;
  std::optional<Failure> then;
  std::optional<Failure> instead;  // the watch request itself fails
};

struct ListScript {
  std::vector<json::Value> items;
  std::string resource_version;
  std::optional<Failure> instead;
};

class ScriptedEvents : public EventStream {
 public:
  explicit ScriptedEvents(WatchScript s) : script_(std::move(s)) {}
  std::optional<Event> Next() override {
    if (next_ < script_.events.size()) return script_.events[next_++];
    if (script_.then) Throw(*script_.then);
    return std::nullopt;
  }

 private:
  WatchScript script_;
  size_t next_ = 0;
};

// Plays the scripts in order; when they run out it stops the clock.
class FakeListerWatcher : public ListerWatcher {
 public:
  explicit FakeListerWatcher(clock::Clock& clock) : clock_(clock) {}
  std::deque<ListScript> lists;
  std::deque<WatchScript> watches;
  std::vector<std::string> calls;

  ListPage List(const Scope&, int, const std::string&) override {
    calls.push_back("list");
    if (lists.empty()) {
      clock_.Stop();
      return {};
    }
    ListScript s = lists.front();
    lists.pop_front();
    if (s.instead) Throw(*s.instead);
    return ListPage{s.items, s.resource_version, "", json::Value()};
  }
  std::unique_ptr<EventStream> Watch(const Scope&, const std::string& rv, int timeout) override {
    calls.push_back("watch@" + rv);
    BOOST_TEST(timeout >= 300);
    BOOST_TEST(timeout <= 600);
    if (watches.empty()) {
      clock_.Stop();
      return std::make_unique<ScriptedEvents>(WatchScript{});
    }
    WatchScript s = watches.front();
    watches.pop_front();
    if (s.instead) Throw(*s.instead);
    return std::make_unique<ScriptedEvents>(std::move(s));
  }

 private:
  clock::Clock& clock_;
};

// Records what the store is told.
class RecordingStore : public Store {
 public:
  std::vector<std::string> log;
  void Add(const json::Value& o) override { log.push_back("add " + Name(o)); }
  void Update(const json::Value& o) override { log.push_back("update " + Name(o)); }
  void Delete(const json::Value& o) override { log.push_back("delete " + Name(o)); }
  void BeginReplace() override { log.push_back("begin"); }
  void ReplacePage(const std::vector<json::Value>& items) override {
    for (const auto& o : items) log.push_back("list " + Name(o));
  }
  void EndReplace(const std::string& rv) override { log.push_back("end@" + rv); }

 private:
  static std::string Name(const json::Value& o) {
    return std::string(o["metadata"]["name"].AsString());
  }
};

Event Ev(const std::string& type, const std::string& name, const std::string& rv) {
  return Event{type, ClaimObject("uid-" + name, name, "1Gi", "default", "standard", rv)};
}

Event Bookmark(const std::string& rv) {
  return Event{"BOOKMARK",
               json::Parse(R"({"kind":"PersistentVolumeClaim","metadata":{"resourceVersion":")" +
                           rv + R"("}})")};
}

Event ErrorEvent(int code, const std::string& reason) {
  return Event{"ERROR", json::Parse(R"({"kind":"Status","status":"Failure","code":)" +
                                    std::to_string(code) + R"(,"reason":")" + reason +
                                    R"(","message":"too old resource version"})")};
}

struct Bed {
  FakeClock clock;
  FakeListerWatcher lw{clock};
  RecordingStore store;
  Reflector reflector{lw, Scope{"default", "", ""}, store, clock, 42};
};

BOOST_AUTO_TEST_SUITE(reflector_test)

BOOST_AUTO_TEST_CASE(lists_then_watches_from_the_list_version_and_rewatches_after_clean_end) {
  Bed b;
  b.lw.lists.push_back({{ClaimObject("u1", "a", "1Gi")}, "10", {}});
  b.lw.watches.push_back({{Ev("ADDED", "b", "11"), Ev("MODIFIED", "a", "12")}, {}, {}});
  b.lw.watches.push_back({{Ev("DELETED", "b", "13")}, {}, {}});
  b.reflector.Run();
  BOOST_TEST(b.lw.calls == (std::vector<std::string>{"list", "watch@10", "watch@12", "watch@13"}));
  BOOST_TEST(b.store.log == (std::vector<std::string>{"begin", "list a", "end@10", "add b",
                                                      "update a", "delete b"}));
  BOOST_TEST(b.clock.sleeps.empty());
}

BOOST_AUTO_TEST_CASE(bookmark_only_advances_the_version) {
  Bed b;
  b.lw.lists.push_back({{}, "10", {}});
  b.lw.watches.push_back({{Bookmark("50")}, {}, {}});
  b.reflector.Run();
  BOOST_TEST(b.lw.calls == (std::vector<std::string>{"list", "watch@10", "watch@50"}));
  BOOST_TEST(b.store.log == (std::vector<std::string>{"begin", "end@10"}));
}

BOOST_AUTO_TEST_CASE(expired_error_event_relists) {
  Bed b;
  b.lw.lists.push_back({{ClaimObject("u1", "a", "1Gi")}, "10", {}});
  b.lw.watches.push_back({{ErrorEvent(410, "Expired")}, {}, {}});
  b.lw.lists.push_back({{ClaimObject("u2", "b", "1Gi")}, "99", {}});
  b.reflector.Run();
  BOOST_TEST(b.lw.calls == (std::vector<std::string>{"list", "watch@10", "list", "watch@99"}));
  BOOST_TEST(b.store.log ==
             (std::vector<std::string>{"begin", "list a", "end@10", "begin", "list b", "end@99"}));
  // client-go waits its backoff before the relist, so 410 every time cannot spin.
  BOOST_REQUIRE(b.clock.sleeps.size() == 1u);
  BOOST_TEST(b.clock.sleeps[0].count() >= 800);
}

BOOST_AUTO_TEST_CASE(gone_status_on_the_watch_request_relists) {
  Bed b;
  b.lw.lists.push_back({{}, "10", {}});
  b.lw.watches.push_back({{}, {}, rest::StatusError(410, "Expired", "too old")});
  b.lw.lists.push_back({{}, "20", {}});
  b.reflector.Run();
  BOOST_TEST(b.lw.calls == (std::vector<std::string>{"list", "watch@10", "list", "watch@20"}));
}

BOOST_AUTO_TEST_CASE(too_many_requests_waits_retry_after) {
  Bed b;
  b.lw.lists.push_back({{}, "10", {}});
  b.lw.watches.push_back({{}, {}, rest::StatusError(429, "TooManyRequests", "slow down", 7)});
  b.reflector.Run();
  BOOST_TEST(b.lw.calls == (std::vector<std::string>{"list", "watch@10", "watch@10"}));
  BOOST_REQUIRE(b.clock.sleeps.size() == 1u);
  BOOST_TEST(b.clock.sleeps[0].count() == 7000);
}

BOOST_AUTO_TEST_CASE(server_errors_back_off_doubling_with_jitter_to_thirty_seconds) {
  Bed b;
  b.lw.lists.push_back({{}, "10", {}});
  for (int i = 0; i < 8; ++i) {
    b.lw.watches.push_back({{}, {}, rest::StatusError(503, "ServiceUnavailable", "busy")});
  }
  b.reflector.Run();
  BOOST_REQUIRE(b.clock.sleeps.size() == 8u);
  int64_t base = 800;
  for (auto d : b.clock.sleeps) {
    BOOST_TEST(d.count() >= base);
    BOOST_TEST(d.count() <= 2 * base);
    base = std::min<int64_t>(base * 2, 30000);
  }
}

BOOST_AUTO_TEST_CASE(broken_connection_backs_off_and_resumes_from_last_version) {
  Bed b;
  b.lw.lists.push_back({{}, "10", {}});
  b.lw.watches.push_back(
      {{Ev("ADDED", "a", "11")}, rest::ConnectionError("h:1", "connection reset by peer"), {}});
  b.lw.watches.push_back({{}, {}, rest::ConnectionError("h:1", "connection refused", true)});
  b.reflector.Run();
  BOOST_TEST(b.lw.calls == (std::vector<std::string>{"list", "watch@10", "watch@11", "watch@11"}));
  BOOST_TEST(b.clock.sleeps.size() == 2u);
}

BOOST_AUTO_TEST_CASE(watch_ending_at_once_without_events_backs_off) {
  Bed b;
  b.lw.lists.push_back({{}, "10", {}});
  b.lw.watches.push_back({{}, {}, {}});
  b.lw.watches.push_back({{}, {}, {}});
  b.reflector.Run();
  BOOST_TEST(b.lw.calls == (std::vector<std::string>{"list", "watch@10", "watch@10", "watch@10"}));
  BOOST_TEST(b.clock.sleeps.size() == 2u);
}

BOOST_AUTO_TEST_CASE(forbidden_is_fatal) {
  Bed b;
  b.lw.lists.push_back({{}, "10", rest::StatusError(403, "Forbidden", "no")});
  BOOST_CHECK_THROW(b.reflector.Run(), rest::StatusError);
}

BOOST_AUTO_TEST_CASE(list_failures_retry_with_backoff) {
  Bed b;
  b.lw.lists.push_back({{}, "", rest::ConnectionError("h:1", "refused", true)});
  b.lw.lists.push_back({{}, "10", {}});
  b.reflector.Run();
  BOOST_TEST(b.lw.calls == (std::vector<std::string>{"list", "list", "watch@10"}));
  BOOST_TEST(b.clock.sleeps.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::watch
