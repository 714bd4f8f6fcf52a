#include "pvc/ledger.h"

#include <boost/test/unit_test.hpp>

#include "claim_fixture.h"
#include "json/parser.h"

namespace pvcwatch::pvc {
namespace {

using testing::ClaimObject;

struct Recorder {
  std::vector<std::string> lines;
  std::vector<std::string> warnings;
  Ledger ledger{[this](const Change& c) {
                  std::string line = c.kind == Change::Kind::kAdded     ? "added "
                                     : c.kind == Change::Kind::kResized ? "resized "
                                                                        : "removed ";
                  line += c.claim.name + " " + (c.claim.size ? c.claim.size->String() : "-");
                  if (c.previous) line += " from " + c.previous->String();
                  lines.push_back(line);
                },
                [this](const std::string& w) { warnings.push_back(w); }};

  void List(std::vector<json::Value> items) {
    ledger.BeginReplace();
    ledger.ReplacePage(items);
    ledger.EndReplace("1");
  }
};

BOOST_AUTO_TEST_SUITE(ledger_test)

BOOST_AUTO_TEST_CASE(initial_list_sums_in_list_order_without_announcing) {
  Recorder r;
  r.List({ClaimObject("u1", "a", "50Gi"), ClaimObject("u2", "b", "100Gi")});
  BOOST_TEST(r.ledger.total().String() == "150Gi");
  BOOST_TEST(r.ledger.size() == 2u);
  BOOST_TEST(r.lines.empty());
  BOOST_TEST(r.ledger.synced());
}

BOOST_AUTO_TEST_CASE(the_article_story) {
  Recorder r;
  r.List({});
  r.ledger.Add(ClaimObject("u1", "my-redis", "50Gi"));
  r.ledger.Add(ClaimObject("u2", "my-mongo", "100Gi"));
  r.ledger.Add(ClaimObject("u3", "my-influx", "75Gi"));
  BOOST_TEST(r.ledger.total().String() == "225Gi");
  r.ledger.Delete(ClaimObject("u2", "my-mongo", "100Gi"));
  BOOST_TEST(r.ledger.total().String() == "125Gi");
  BOOST_TEST(r.lines ==
             (std::vector<std::string>{"added my-redis 50Gi", "added my-mongo 100Gi",
                                       "added my-influx 75Gi", "removed my-mongo 100Gi"}));
}

BOOST_AUTO_TEST_CASE(resize_changes_total_and_delete_removes_what_was_counted) {
  Recorder r;
  r.List({ClaimObject("u1", "a", "50Gi")});
  r.ledger.Update(ClaimObject("u1", "a", "80Gi"));
  BOOST_TEST(r.ledger.total().String() == "80Gi");
  // The DELETED object says 999Gi; what was counted (80Gi) is what goes.
  r.ledger.Delete(ClaimObject("u1", "a", "999Gi"));
  BOOST_TEST(r.ledger.total().IsZero());
  BOOST_TEST(r.lines == (std::vector<std::string>{"resized a 80Gi from 50Gi", "removed a 80Gi"}));
}

BOOST_AUTO_TEST_CASE(replayed_added_is_not_double_counted) {
  Recorder r;
  r.List({ClaimObject("u1", "a", "50Gi")});
  r.ledger.Add(ClaimObject("u1", "a", "50Gi"));
  BOOST_TEST(r.ledger.total().String() == "50Gi");
  BOOST_TEST(r.lines.empty());
}

BOOST_AUTO_TEST_CASE(modified_without_size_change_is_silent) {
  Recorder r;
  r.List({ClaimObject("u1", "a", "50Gi")});
  r.ledger.Update(ClaimObject("u1", "a", "50Gi", "default", "standard", "2"));
  BOOST_TEST(r.lines.empty());
}

BOOST_AUTO_TEST_CASE(unknown_delete_is_ignored) {
  Recorder r;
  r.List({ClaimObject("u1", "a", "50Gi")});
  r.ledger.Delete(ClaimObject("u9", "z", "50Gi"));
  BOOST_TEST(r.ledger.total().String() == "50Gi");
}

BOOST_AUTO_TEST_CASE(relist_announces_only_real_differences) {
  Recorder r;
  r.List({ClaimObject("u1", "a", "50Gi"), ClaimObject("u2", "b", "10Gi"),
          ClaimObject("u3", "c", "1Gi")});
  r.List({ClaimObject("u1", "a", "50Gi"), ClaimObject("u2", "b", "20Gi"),
          ClaimObject("u4", "d", "5Gi")});
  BOOST_TEST(r.ledger.total().String() == "75Gi");
  BOOST_TEST(r.lines == (std::vector<std::string>{"resized b 20Gi from 10Gi", "added d 5Gi",
                                                  "removed c 1Gi"}));
}

BOOST_AUTO_TEST_CASE(uid_listed_twice_counts_its_last_entry_and_relists_silently) {
  // Found by tests/fuzz/list_decoder_fuzz.cc: the relist announced the first entry as a
  // resize although the last one stayed counted.
  Recorder r;
  const std::vector<json::Value> page = {ClaimObject("u1", "a", "50Gi"),
                                         ClaimObject("u2", "b", "1Gi"),
                                         ClaimObject("u1", "a", "99Gi")};
  r.List(page);
  BOOST_TEST(r.ledger.total().String() == "100Gi");
  BOOST_TEST(r.ledger.size() == 2u);
  r.List(page);
  BOOST_TEST(r.lines.empty());
  r.List({ClaimObject("u1", "a", "10Gi"), ClaimObject("u1", "a", "20Gi")});
  BOOST_TEST(r.ledger.total().String() == "20Gi");
  BOOST_TEST(r.lines == (std::vector<std::string>{"resized a 20Gi from 99Gi", "removed b 1Gi"}));
}

BOOST_AUTO_TEST_CASE(totals_per_namespace_and_class) {
  Recorder r;
  r.List({ClaimObject("u1", "a", "50Gi", "ns1", "fast"),
          ClaimObject("u2", "b", "10Gi", "ns2", "slow"),
          ClaimObject("u3", "c", "1Gi", "ns1", "slow")});
  BOOST_TEST(r.ledger.namespace_totals().at("ns1").String() == "51Gi");
  BOOST_TEST(r.ledger.namespace_totals().at("ns2").String() == "10Gi");
  BOOST_TEST(r.ledger.class_totals().at("slow").String() == "11Gi");
  r.ledger.Delete(ClaimObject("u1", "a", "50Gi", "ns1", "fast"));
  BOOST_TEST(r.ledger.namespace_totals().at("ns1").String() == "1Gi");
  BOOST_TEST(r.ledger.class_totals().at("fast").IsZero());
}

BOOST_AUTO_TEST_CASE(deletes_in_any_order_keep_totals_exact_and_relists_sum_in_list_order) {
  // Enough claims that deleted places are compacted away more than once; sizes in both
  // suffixes so that the order of a sum shows in the total's format.
  constexpr int kClaims = 600;
  auto object = [](int i) {
    return ClaimObject("u" + std::to_string(i), "c" + std::to_string(i),
                       std::to_string(i % 7 + 1) + (i % 2 ? "G" : "Gi"),
                       "ns" + std::to_string(i % 3));
  };
  auto sum_of = [&](const std::vector<int>& ids) {
    Quantity total;
    for (int i : ids) total.Add(Quantity::Parse(std::to_string(i % 7 + 1) + (i % 2 ? "G" : "Gi")));
    return total;
  };
  Recorder r;
  r.List({});
  std::vector<int> live;
  for (int i = 0; i < kClaims; ++i) {
    r.ledger.Add(object(i));
    live.push_back(i);
  }
  // Deletes in a scrambled order (a stride prime to the count), new claims in between.
  int next = kClaims;
  for (int k = 0; k < kClaims - 10; ++k) {
    const int i = static_cast<int>((static_cast<long>(k) * 347) % kClaims);
    r.ledger.Delete(object(i));
    std::erase(live, i);
    if (k % 50 == 0) {
      r.ledger.Add(object(next));
      live.push_back(next++);
    }
    BOOST_TEST_REQUIRE(r.ledger.total().Cmp(sum_of(live)) == 0);
  }
  BOOST_TEST(r.ledger.size() == live.size());
  // A relist of the survivors in a new order announces nothing and sums in that order.
  std::vector<json::Value> page;
  for (auto it = live.rbegin(); it != live.rend(); ++it) page.push_back(object(*it));
  const size_t announced = r.lines.size();
  r.List(page);
  BOOST_TEST(r.lines.size() == announced);
  Recorder fresh;
  fresh.List(page);
  BOOST_TEST(r.ledger.total().String() == fresh.ledger.total().String());
  BOOST_TEST(r.ledger.total().String() == sum_of({live.rbegin(), live.rend()}).String());
  BOOST_TEST(r.ledger.namespace_totals().at("ns1").String() ==
             fresh.ledger.namespace_totals().at("ns1").String());
  // Deleting every survivor, last listed first, leaves nothing counted.
  for (int i : live) r.ledger.Delete(object(i));
  BOOST_TEST(r.ledger.size() == 0u);
  BOOST_TEST(r.ledger.total().IsZero());
}

BOOST_AUTO_TEST_CASE(malformed_request_is_reported_and_skipped) {
  Recorder r;
  r.List({ClaimObject("u1", "a", "50Gi"), ClaimObject("u2", "bad", "lots")});
  BOOST_TEST(r.ledger.total().String() == "50Gi");
  BOOST_TEST(r.ledger.size() == 1u);
  BOOST_REQUIRE(r.warnings.size() == 1u);
  BOOST_TEST(r.warnings[0] ==
             "skipping PersistentVolumeClaim default/bad: spec.resources.requests.storage "
             "\"lots\": quantities must match the regular expression "
             "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
}

json::Value WithStatus(json::Value claim, const std::string& status) {
  claim.Set("status", json::Parse(status));
  return claim;
}

BOOST_AUTO_TEST_CASE(on_the_quota_basis_an_allocation_is_a_resize) {
  std::vector<std::string> lines;
  Ledger ledger(
      [&](const Change& c) {
        lines.push_back(c.claim.name + " " + c.claim.size->String() +
                        (c.previous ? " from " + c.previous->String() : ""));
      },
      nullptr, Basis::kQuota);
  ledger.BeginReplace();
  ledger.EndReplace("1");
  ledger.Add(ClaimObject("u1", "a", "10Gi"));
  ledger.Update(WithStatus(ClaimObject("u1", "a", "10Gi"),
                           R"({"phase":"Bound","allocatedResources":{"storage":"25Gi"}})"));
  BOOST_TEST(ledger.total().String() == "25Gi");
  BOOST_TEST(lines == (std::vector<std::string>{"a 10Gi", "a 25Gi from 10Gi"}));
}

BOOST_AUTO_TEST_CASE(on_the_capacity_basis_a_claim_counts_once_bound) {
  Ledger ledger(nullptr, nullptr, Basis::kCapacity);
  ledger.Add(ClaimObject("u1", "a", "10Gi", "ns1"));
  BOOST_TEST(ledger.total().IsZero());
  BOOST_TEST(ledger.namespace_totals().at("ns1").IsZero());  // listed, at zero
  ledger.Update(WithStatus(ClaimObject("u1", "a", "10Gi", "ns1"),
                           R"({"phase":"Bound","capacity":{"storage":"16Gi"}})"));
  BOOST_TEST(ledger.total().String() == "16Gi");
  BOOST_TEST((ledger.basis() == Basis::kCapacity));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::pvc
