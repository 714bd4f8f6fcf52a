#include "pvc/quota_limit.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "json/parser.h"

namespace pvcwatch::pvc {
namespace {

json::Value Quota(const std::string& uid, const std::string& name, const std::string& hard) {
  return json::Parse(R"({"metadata":{"uid":")" + uid + R"(","name":")" + name +
                     R"("},"spec":{"hard":{)" + hard + "}}}");
}

// What the listener heard: "300Gi from q" or "none".
struct Heard {
  std::vector<std::string> lines;
  QuotaLimit::Listener Listener() {
    return [this](const std::optional<Quantity>& limit, const std::string& source) {
      lines.push_back(limit ? limit->String() + " from " + source : "none");
    };
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(quota_limit_test)

BOOST_AUTO_TEST_CASE(the_smallest_requests_storage_binds) {
  Heard heard;
  QuotaLimit limit(heard.Listener());
  limit.BeginReplace();
  limit.ReplacePage({Quota("1", "big", R"("requests.storage":"1Ti")"),
                     Quota("2", "small", R"("requests.storage":"300Gi","pods":"10")"),
                     Quota("3", "pods-only", R"("pods":"5")")});
  limit.EndReplace("10");
  BOOST_TEST(limit.limit()->String() == "300Gi");
  BOOST_TEST(limit.source() == "small");
  BOOST_TEST(heard.lines == (std::vector<std::string>{"300Gi from small"}));
}

BOOST_AUTO_TEST_CASE(changes_are_heard_once_each) {
  Heard heard;
  QuotaLimit limit(heard.Listener());
  limit.Add(Quota("1", "q", R"("requests.storage":"300Gi")"));
  limit.Update(Quota("1", "q", R"("requests.storage":"300Gi","pods":"3")"));  // same limit
  limit.Update(Quota("1", "q", R"("requests.storage":"200Gi")"));
  limit.Add(Quota("2", "r", R"("requests.storage":"100Gi")"));
  limit.Delete(Quota("2", "r", ""));
  limit.Delete(Quota("1", "q", ""));
  BOOST_TEST(heard.lines == (std::vector<std::string>{"300Gi from q", "200Gi from q",
                                                      "100Gi from r", "200Gi from q", "none"}),
             boost::test_tools::per_element());
  BOOST_TEST(!limit.limit().has_value());
  BOOST_TEST(limit.source().empty());
}

BOOST_AUTO_TEST_CASE(an_unparsable_limit_binds_nothing) {
  QuotaLimit limit;
  limit.Add(Quota("1", "bad", R"("requests.storage":"lots")"));
  BOOST_TEST(!limit.limit().has_value());
  limit.Add(Quota("2", "good", R"("requests.storage":"5Gi")"));
  BOOST_TEST(limit.limit()->String() == "5Gi");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::pvc
