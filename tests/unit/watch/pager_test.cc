#include "watch/pager.h"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <variant>
#include <vector>

#include "rest/errors.h"

namespace pvcwatch::watch {
namespace {

// Answers each List call with the next scripted page or error, and records the calls.
class ScriptedPages : public ListerWatcher {
 public:
  std::deque<std::variant<ListPage, rest::StatusError>> answers;
  std::vector<std::string> calls;  // "limit continue" of each call

  ListPage List(const Scope&, int limit, const std::string& continue_token) override {
    calls.push_back(std::to_string(limit) + " " + continue_token);
    auto answer = answers.front();
    answers.pop_front();
    if (auto* error = std::get_if<rest::StatusError>(&answer)) throw *error;
    return std::get<ListPage>(answer);
  }
  std::unique_ptr<EventStream> Watch(const Scope&, const std::string&, int) override {
    return nullptr;
  }
};

ListPage Page(const std::string& rv, const std::string& next, int items) {
  ListPage page;
  page.resource_version = rv;
  page.continue_token = next;
  page.items.resize(static_cast<std::size_t>(items));
  return page;
}

rest::StatusError Expired() { return rest::StatusError(410, "Expired", "continue expired"); }

struct Listed {
  std::vector<std::string> events;  // "page N" and "restart"
  std::string version;
  explicit Listed(ScriptedPages& pages) {
    version = ListAll(
        pages, Scope{}, 2,
        [&](ListPage& page) { events.push_back("page " + std::to_string(page.items.size())); },
        [&] { events.push_back("restart"); });
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(pager_test)

BOOST_AUTO_TEST_CASE(pages_follow_the_continue_token_to_the_last) {
  ScriptedPages pages;
  pages.answers = {Page("7", "c1", 2), Page("7", "c2", 2), Page("9", "", 1)};
  Listed listed(pages);
  BOOST_TEST(listed.version == "9");  // the last page's, which the watch continues from
  BOOST_TEST(listed.events == (std::vector<std::string>{"page 2", "page 2", "page 1"}));
  BOOST_TEST(pages.calls == (std::vector<std::string>{"2 ", "2 c1", "2 c2"}));
}

BOOST_AUTO_TEST_CASE(an_expired_token_starts_the_list_over) {
  ScriptedPages pages;
  pages.answers = {Page("7", "c1", 2), Expired(), Page("8", "", 1)};
  Listed listed(pages);
  BOOST_TEST(listed.version == "8");
  BOOST_TEST(listed.events == (std::vector<std::string>{"page 2", "restart", "page 1"}));
  BOOST_TEST(pages.calls == (std::vector<std::string>{"2 ", "2 c1", "2 "}));
}

BOOST_AUTO_TEST_CASE(a_410_on_the_first_page_is_not_a_restart) {
  ScriptedPages pages;
  pages.answers = {Expired()};
  BOOST_CHECK_THROW(Listed{pages}, rest::StatusError);
}

BOOST_AUTO_TEST_CASE(restarts_are_bounded) {
  ScriptedPages pages;
  for (int i = 0; i < 7; ++i) {
    pages.answers.push_back(Page("7", "c", 1));
    pages.answers.push_back(Expired());
  }
  BOOST_CHECK_THROW(Listed{pages}, rest::StatusError);
  BOOST_TEST(pages.calls.size() == 12u);  // the first try and 5 restarts, two calls each
}

BOOST_AUTO_TEST_CASE(other_errors_end_the_list) {
  ScriptedPages pages;
  pages.answers = {Page("7", "c1", 2), rest::StatusError(500, "InternalError", "boom")};
  BOOST_CHECK_THROW(Listed{pages}, rest::StatusError);
}

// The next page is asked for while the caller works on this one: on_page waits for that
// request (a pager that asks only afterwards fails here, after the wait).
BOOST_AUTO_TEST_CASE(the_next_page_is_asked_for_during_on_page) {
  class Counted : public ScriptedPages {
   public:
    std::mutex mutex;
    std::condition_variable asked;
    ListPage List(const Scope& scope, int limit, const std::string& token) override {
      ListPage page = ScriptedPages::List(scope, limit, token);
      std::lock_guard<std::mutex> lock(mutex);
      ++lists;
      asked.notify_all();
      return page;
    }
    int lists = 0;
  } pages;
  pages.answers = {Page("7", "c1", 2), Page("7", "c2", 2), Page("7", "", 1)};
  std::vector<int> asked_before_done;
  const std::string version = ListAll(
      pages, Scope{}, 2,
      [&](ListPage&) {
        std::unique_lock<std::mutex> lock(pages.mutex);
        const int seen = static_cast<int>(asked_before_done.size()) + 1;
        const bool last = seen == 3;
        pages.asked.wait_for(lock, std::chrono::seconds(10),
                             [&] { return last || pages.lists > seen; });
        asked_before_done.push_back(pages.lists);
      },
      [] {});
  BOOST_TEST(version == "7");
  BOOST_TEST(asked_before_done == (std::vector<int>{2, 3, 3}));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::watch
