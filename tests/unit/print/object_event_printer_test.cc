#include "print/object_event_printer.h"

#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>

#include "../pvc/claim_fixture.h"
#include "pvc/claim.h"

namespace pvcwatch::print {
namespace {

pvc::Change Changed(pvc::Change::Kind kind, const std::string& name) {
  json::Value object = testing::ClaimObject("u-" + name, name, "5Gi", "team-a");
  return pvc::Change{kind, pvc::ClaimFromObject(object), std::nullopt, object};
}

const Quantity kTotal = Quantity::Parse("225Gi");
const Quantity kMax = Quantity::Parse("200Gi");
const Standing kStanding{kTotal, &kMax, 112.5};

struct Printed {
  std::ostringstream out, err;
  JsonPathPrinter objects{out, "{.metadata.name}{\"\\n\"}", false, false};
};

BOOST_AUTO_TEST_SUITE(object_event_printer_test)

BOOST_AUTO_TEST_CASE(stdout_holds_only_what_the_printer_writes) {
  Printed p;
  ObjectEventPrinter printer(p.objects, false, p.out, p.err, false, [] { return "T "; });
  const pvc::Change change = Changed(pvc::Change::Kind::kAdded, "data");
  printer.PrintChange(change, change.object, kStanding);
  printer.PrintCrossing(pvc::Threshold::Crossing::kOverage, kStanding, true);
  printer.PrintStanding(kStanding);
  BOOST_TEST(p.out.str() == "data\n");
  BOOST_TEST(p.err.str() ==
             "T Claim overage reached: max 200Gi at 225Gi\nT *** Taking action ***\n"
             "T At 112.5% claim capacity (225Gi/200Gi)\n");
}

BOOST_AUTO_TEST_CASE(watch_events_go_through_the_printer_as_events) {
  std::ostringstream out, err;
  NamePrinter names(out);
  JsonPrinter json_printer(out);
  ObjectEventPrinter by_name(names, true, out, err, false, [] { return "T "; });
  ObjectEventPrinter by_json(json_printer, true, out, err, false, [] { return "T "; });
  const pvc::Change removed = Changed(pvc::Change::Kind::kRemoved, "data");
  by_name.PrintChange(removed, removed.object, kStanding);
  const pvc::Change resized = Changed(pvc::Change::Kind::kResized, "logs");
  by_json.PrintChange(resized, resized.object, kStanding);
  BOOST_TEST(
      out.str().rfind("persistentvolumeclaim/data\n{\"type\":\"MODIFIED\",\"object\":{", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(a_failing_template_is_one_notice_and_the_watch_goes_on) {
  std::ostringstream out, err;
  JsonPathPrinter strict(out, "{.spec.nope}", false, false);
  ObjectEventPrinter printer(strict, false, out, err, false, [] { return "T "; });
  const pvc::Change change = Changed(pvc::Change::Kind::kAdded, "data");
  printer.PrintChange(change, change.object, kStanding);
  printer.PrintChange(change, change.object, kStanding);
  BOOST_TEST(out.str().empty());
  BOOST_TEST(err.str().rfind("T error: error executing jsonpath \"{.spec.nope}\": Error executing "
                             "template: nope is not found.",
                             0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::print
