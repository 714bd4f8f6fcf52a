#include "pvc/budgets.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "claim_fixture.h"
#include "json/parser.h"
#include "pvc/ledger.h"

namespace pvcwatch::pvc {
namespace {

json::Value QuotaObject(const std::string& uid, const std::string& ns, const std::string& hard,
                        const std::string& name = "budget") {
  return json::Parse(R"({"metadata":{"name":")" + name + R"(","namespace":")" + ns +
                     R"(","uid":")" + uid + R"("},"spec":{"hard":)" + hard + "}}");
}

// Budgets fed as the watch feeds them: the ledger reports every claim to them.
struct Fixture {
  Budgets budgets{Quantity::Parse("80")};
  Ledger ledger{nullptr, nullptr, Basis::kQuota};
  std::vector<std::string> events;

  Fixture() {
    ledger.set_observer(
        [this](const Claim* before, const Claim* after) { budgets.ClaimChanged(before, after); });
  }
  void Start() {
    budgets.Start([this](const BudgetEvent& e) {
      std::string text =
          e.budget.namespace_name + "/" + e.budget.quota_name + " " + e.budget.limit.key + " ";
      switch (e.kind) {
        case BudgetEvent::Kind::kLimit:
          text += "limit " + (e.previous ? e.previous->String() + "->" : "") +
                  e.budget.limit.hard.String();
          break;
        case BudgetEvent::Kind::kRemoved: text += "removed"; break;
        case BudgetEvent::Kind::kCrossing:
          text += (e.crossing == Threshold::Crossing::kOverage   ? "overage "
                   : e.crossing == Threshold::Crossing::kWarning ? "warning "
                                                                 : "normal ") +
                  e.budget.used.String();
          break;
      }
      events.push_back(text);
    });
    budgets.Settle();
  }
  std::vector<std::string> Take() {
    budgets.Settle();
    return std::exchange(events, {});
  }
  std::string Used(size_t i) const { return budgets.List().at(i)->used.String(); }
};

using Events = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(budgets_test)

BOOST_AUTO_TEST_CASE(each_namespace_is_measured_against_its_own_quota) {
  Fixture f;
  f.budgets.Add(QuotaObject("qa", "team-a", R"({"requests.storage":"100Gi"})"));
  f.budgets.Add(QuotaObject("qb", "team-b", R"({"requests.storage":"10Gi"})"));
  f.ledger.Add(testing::ClaimObject("1", "a1", "60Gi", "team-a"));
  f.ledger.Add(testing::ClaimObject("2", "b1", "20Gi", "team-b"));
  f.ledger.Add(testing::ClaimObject("3", "c1", "500Gi", "team-c"));  // no quota: no budget
  f.Start();
  BOOST_TEST(f.Take() == (Events{"team-b/budget requests.storage overage 20Gi"}));
  BOOST_TEST(f.Used(0) == "60Gi");
  BOOST_TEST(f.budgets.AnyOver());
  f.ledger.Add(testing::ClaimObject("4", "a2", "30Gi", "team-a"));
  BOOST_TEST(f.Take() == (Events{"team-a/budget requests.storage warning 90Gi"}));
  f.ledger.Delete(testing::ClaimObject("2", "b1", "20Gi", "team-b"));
  BOOST_TEST(f.Take() == (Events{"team-b/budget requests.storage normal 0"}));
}

BOOST_AUTO_TEST_CASE(class_keys_count_only_their_class_and_counts_count_claims) {
  Fixture f;
  f.budgets.Add(QuotaObject(
      "q", "ns",
      R"({"gold.storageclass.storage.k8s.io/requests.storage":"15Gi",)"
      R"("gold.storageclass.storage.k8s.io/persistentvolumeclaims":"1","persistentvolumeclaims":"3"})"));
  f.ledger.Add(testing::ClaimObject("1", "g1", "10Gi", "ns", "gold"));
  f.ledger.Add(testing::ClaimObject("2", "s1", "50Gi", "ns", "silver"));
  f.Start();
  // One gold claim of one allowed is past 80%.
  BOOST_TEST(
      f.Take() ==
      (Events{"ns/budget gold.storageclass.storage.k8s.io/persistentvolumeclaims warning 1"}));
  BOOST_TEST(f.Used(0) == "1");     // gold claims
  BOOST_TEST(f.Used(1) == "10Gi");  // gold storage
  BOOST_TEST(f.Used(2) == "2");     // every claim
  f.ledger.Add(testing::ClaimObject("3", "g2", "10Gi", "ns", "gold"));
  BOOST_TEST(f.Take() ==
             (Events{"ns/budget gold.storageclass.storage.k8s.io/persistentvolumeclaims overage 2",
                     "ns/budget gold.storageclass.storage.k8s.io/requests.storage overage 20Gi",
                     "ns/budget persistentvolumeclaims warning 3"}));
}

BOOST_AUTO_TEST_CASE(an_allocation_counts_whatever_the_ledgers_basis) {
  Fixture f;
  Budgets on_requests;
  Ledger ledger{nullptr, nullptr, Basis::kRequests};
  ledger.set_observer(
      [&](const Claim* before, const Claim* after) { on_requests.ClaimChanged(before, after); });
  on_requests.Add(QuotaObject("q", "ns", R"({"requests.storage":"100Gi"})"));
  ledger.Add(testing::ClaimObject("1", "c", "10Gi", "ns"));
  json::Value resizing = testing::ClaimObject("1", "c", "10Gi", "ns");
  json::Value status = json::Parse(R"({"allocatedResources":{"storage":"40Gi"}})");
  resizing.Set("status", status);
  ledger.Update(resizing);
  BOOST_TEST(ledger.total().String() == "10Gi");
  BOOST_TEST(on_requests.List().at(0)->used.String() == "40Gi");
}

BOOST_AUTO_TEST_CASE(a_lowered_quota_is_one_overage_and_a_status_only_update_is_nothing) {
  Fixture f;
  f.budgets.Add(QuotaObject("q", "ns", R"({"requests.storage":"100Gi"})"));
  f.ledger.Add(testing::ClaimObject("1", "c", "60Gi", "ns"));
  f.Start();
  BOOST_TEST(f.Take().empty());
  f.budgets.Update(QuotaObject("q", "ns", R"({"requests.storage":"50Gi"})"));
  BOOST_TEST(f.Take() == (Events{"ns/budget requests.storage limit 100Gi->50Gi",
                                 "ns/budget requests.storage overage 60Gi"}));
  // The quota controller's status write: the same spec again.
  f.budgets.Update(QuotaObject("q", "ns", R"({"requests.storage":"50Gi"})"));
  BOOST_TEST(f.Take().empty());
  f.budgets.Update(QuotaObject("q", "ns", R"({"requests.storage":"200Gi"})"));
  BOOST_TEST(f.Take() == (Events{"ns/budget requests.storage limit 50Gi->200Gi",
                                 "ns/budget requests.storage normal 60Gi"}));
}

BOOST_AUTO_TEST_CASE(several_quotas_each_hold_and_a_relist_announces_only_differences) {
  Fixture f;
  f.budgets.Add(QuotaObject("q1", "ns", R"({"requests.storage":"100Gi"})", "big"));
  f.budgets.Add(QuotaObject("q2", "ns", R"({"requests.storage":"50Gi"})", "small"));
  f.ledger.Add(testing::ClaimObject("1", "c", "70Gi", "ns"));
  f.Start();
  BOOST_TEST(f.Take() == (Events{"ns/small requests.storage overage 70Gi"}));
  f.budgets.BeginReplace();
  f.budgets.ReplacePage({QuotaObject("q1", "ns", R"({"requests.storage":"100Gi"})", "big")});
  f.budgets.EndReplace("9");
  BOOST_TEST(f.Take() == (Events{"ns/small requests.storage removed"}));
  BOOST_TEST(f.budgets.List().size() == 1u);
  BOOST_TEST(!f.budgets.AnyOver());
  f.budgets.Delete(QuotaObject("q1", "ns", "{}"));
  BOOST_TEST(f.Take() == (Events{"ns/big requests.storage removed"}));
  BOOST_TEST(f.budgets.empty());
}

BOOST_AUTO_TEST_CASE(a_claims_relist_moves_the_usage_exactly) {
  Fixture f;
  f.budgets.Add(QuotaObject("q", "ns", R"({"requests.storage":"100Gi"})"));
  f.ledger.BeginReplace();
  f.ledger.ReplacePage(
      {testing::ClaimObject("1", "a", "60Gi", "ns"), testing::ClaimObject("2", "b", "30Gi", "ns")});
  f.ledger.EndReplace("1");
  f.Start();
  BOOST_TEST(f.Take() == (Events{"ns/budget requests.storage warning 90Gi"}));
  f.ledger.BeginReplace();
  f.ledger.ReplacePage(
      {testing::ClaimObject("2", "b", "45Gi", "ns"), testing::ClaimObject("3", "c", "60Gi", "ns")});
  f.ledger.EndReplace("2");
  BOOST_TEST(f.Used(0) == "105Gi");
  BOOST_TEST(f.Take() == (Events{"ns/budget requests.storage overage 105Gi"}));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::pvc
