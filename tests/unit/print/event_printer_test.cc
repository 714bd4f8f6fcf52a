#include <boost/test/unit_test.hpp>
#include <memory>
#include <sstream>
#include <string>

#include "../pvc/claim_fixture.h"
#include "print/make_event_printer.h"
#include "pvc/claim.h"

namespace pvcwatch::print {
namespace {

// The watch's machine output is a contract scripts read (README, "Machine output"):
// these pin its fields, their order (sorted, as kubectl's JSON) and the text lines.
struct Printed {
  std::ostringstream out, err;
  std::unique_ptr<EventPrinter> printer;
  explicit Printed(EventFormat format, bool all_namespaces = false)
      : printer(
            MakeEventPrinter(format, out, err, all_namespaces, [] { return std::string("T "); })) {}
};

pvc::Change Added(const std::string& size) {
  json::Value object = testing::ClaimObject("u1", "data", size, "team-a");
  return pvc::Change{pvc::Change::Kind::kAdded, pvc::ClaimFromObject(object), std::nullopt, object};
}

const Quantity kTotal = Quantity::Parse("225Gi");
const Quantity kMax = Quantity::Parse("200Gi");
const Standing kStanding{kTotal, &kMax, 112.5};

}  // namespace

BOOST_AUTO_TEST_SUITE(event_printer_test)

BOOST_AUTO_TEST_CASE(a_json_change_is_one_line_with_the_object_and_the_totals) {
  Printed p(EventFormat::kJson);
  pvc::Change change = Added("75Gi");
  p.printer->PrintChange(change, change.object, kStanding);
  BOOST_TEST(p.out.str() ==
             R"({"maxClaims":"200Gi","object":{"apiVersion":"v1",)"
             R"("kind":"PersistentVolumeClaim",)"
             R"("metadata":{"name":"data","namespace":"team-a","resourceVersion":"1","uid":"u1"},)"
             R"("spec":{"resources":{"requests":{"storage":"75Gi"}},)"
             R"("storageClassName":"standard"},)"
             R"("status":{"phase":"Pending"}},"percent":112.5,"size":"75Gi","total":"225Gi",)"
             R"("type":"ADDED"})"
             "\n");
  BOOST_TEST(p.err.str().empty());
}

BOOST_AUTO_TEST_CASE(a_json_resize_carries_the_previous_size) {
  Printed p(EventFormat::kJson);
  pvc::Change change = Added("100Gi");
  change.kind = pvc::Change::Kind::kResized;
  change.previous = Quantity::Parse("75Gi");
  p.printer->PrintChange(change, change.object, kStanding);
  const std::string line = p.out.str();
  BOOST_TEST(line.find(R"("previousSize":"75Gi")") != std::string::npos);
  BOOST_TEST(line.find(R"("type":"MODIFIED")") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_crossings_and_limits) {
  Printed p(EventFormat::kJson);
  p.printer->PrintCrossing(pvc::Threshold::Crossing::kOverage, kStanding, true);
  p.printer->PrintCrossing(pvc::Threshold::Crossing::kNormal, kStanding, false);
  p.printer->PrintCrossing(pvc::Threshold::Crossing::kNone, kStanding, false);
  p.printer->PrintCrossing(pvc::Threshold::Crossing::kWarning, kStanding, false);
  BOOST_TEST(p.out.str() ==
             R"({"action":true,"maxClaims":"200Gi","percent":112.5,"total":"225Gi",)"
             R"("type":"OVERAGE"})"
             "\n"
             R"({"action":false,"maxClaims":"200Gi","percent":112.5,"total":"225Gi",)"
             R"("type":"NORMAL"})"
             "\n"
             R"({"action":false,"maxClaims":"200Gi","percent":112.5,"total":"225Gi",)"
             R"("type":"WARNING"})"
             "\n");
}

pvc::Budget GoldBudget() {
  const Quantity hard = Quantity::Parse("100Gi");
  return pvc::Budget{
      "team-a",
      "storage",
      pvc::QuotaLimit{"gold.storageclass.storage.k8s.io/requests.storage",
                      pvc::ClaimResource{pvc::ClaimResource::Kind::kStorage, "gold"}, hard},
      Quantity::Parse("120Gi"),
      pvc::Threshold(hard),
      "uid-1"};
}

BOOST_AUTO_TEST_CASE(json_budget_events_name_the_budget) {
  Printed p(EventFormat::kJson);
  const pvc::Budget budget = GoldBudget();
  const Quantity total = Quantity::Parse("150Gi");
  const Standing no_fixed_limit{total, nullptr, 0};
  p.printer->PrintBudget(
      pvc::BudgetEvent{pvc::BudgetEvent::Kind::kLimit, budget, Quantity::Parse("50Gi")},
      no_fixed_limit, false);
  p.printer->PrintBudget(pvc::BudgetEvent{pvc::BudgetEvent::Kind::kCrossing, budget, std::nullopt,
                                          pvc::Threshold::Crossing::kOverage},
                         no_fixed_limit, true);
  const std::string doc =
      R"("budget":{"free":"-20Gi","limit":"100Gi","namespace":"team-a","over":true,)"
      R"("percent":120,"quota":"storage",)"
      R"("resource":"gold.storageclass.storage.k8s.io/requests.storage",)"
      R"("storageClass":"gold","used":"120Gi"})";
  BOOST_TEST(p.out.str() == "{" + doc + R"(,"previousLimit":"50Gi","total":"150Gi",)" +
                                R"("type":"MAXCLAIMS"})" + "\n" + R"({"action":true,)" + doc +
                                R"(,"total":"150Gi","type":"OVERAGE"})" + "\n");
}

BOOST_AUTO_TEST_CASE(text_budget_events_say_where_and_which_limit) {
  Printed p(EventFormat::kText);
  const pvc::Budget budget = GoldBudget();
  p.printer->PrintBudget(pvc::BudgetEvent{pvc::BudgetEvent::Kind::kCrossing, budget, std::nullopt,
                                          pvc::Threshold::Crossing::kOverage},
                         kStanding, true);
  p.printer->PrintBudget(pvc::BudgetEvent{pvc::BudgetEvent::Kind::kLimit, budget, std::nullopt},
                         kStanding, false);
  p.printer->PrintBudget(pvc::BudgetEvent{pvc::BudgetEvent::Kind::kRemoved, budget, std::nullopt},
                         kStanding, false);
  BOOST_TEST(p.out.str() ==
             "T Claim overage reached in team-a: max 100Gi at 120Gi (ResourceQuota/storage, "
             "gold.storageclass.storage.k8s.io/requests.storage)\n"
             "T *** Taking action ***\n"
             "T Max claims in team-a now 100Gi (ResourceQuota/storage, "
             "gold.storageclass.storage.k8s.io/requests.storage)\n"
             "T ResourceQuota/storage in team-a no longer limits "
             "gold.storageclass.storage.k8s.io/requests.storage\n");
}

BOOST_AUTO_TEST_CASE(yaml_events_are_documents) {
  Printed p(EventFormat::kYaml);
  p.printer->PrintCrossing(pvc::Threshold::Crossing::kOverage, kStanding, false);
  BOOST_TEST(p.out.str() ==
             "---\naction: false\nmaxClaims: 200Gi\npercent: 112.5\ntotal: 225Gi\ntype: OVERAGE\n");
}

BOOST_AUTO_TEST_CASE(text_lines_are_the_original_programs) {
  Printed p(EventFormat::kText, true);
  pvc::Change change = Added("75Gi");
  p.printer->PrintChange(change, change.object, kStanding);
  p.printer->PrintCrossing(pvc::Threshold::Crossing::kOverage, kStanding, true);
  p.printer->PrintStanding(kStanding);
  BOOST_TEST(p.out.str() ==
             "T PVC team-a/data added, claim size 75Gi\n"
             "T Claim overage reached: max 200Gi at 225Gi\n"
             "T *** Taking action ***\n"
             "T At 112.5% claim capacity (225Gi/200Gi)\n");
}

BOOST_AUTO_TEST_CASE(notices_go_to_stderr_with_controls_made_visible) {
  Printed p(EventFormat::kJson);
  p.printer->PrintNotice("Warning: skipping \x1b[2Jx");
  BOOST_TEST(p.out.str().empty());
  BOOST_TEST(p.err.str() == "T Warning: skipping ^[[2Jx\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::print
