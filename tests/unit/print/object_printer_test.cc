#include "print/object_printer.h"

#include <boost/test/unit_test.hpp>
#include <sstream>
#include <stdexcept>
#include <string>

#include "../pvc/claim_fixture.h"
#include "json/parser.h"

namespace pvcwatch::print {
namespace {

std::string ErrorOf(ObjectPrinter& printer, const json::Value& object) {
  try {
    printer.PrintObject(object);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "no error";
}

BOOST_AUTO_TEST_SUITE(object_printer_test)

BOOST_AUTO_TEST_CASE(names_are_kind_slash_name_for_each_item_of_a_list) {
  std::ostringstream out;
  NamePrinter printer(out);
  printer.PrintObject(ListDocument(
      {testing::ClaimObject("u1", "data", "1Gi"), testing::ClaimObject("u2", "logs", "2Gi")}));
  printer.PrintEvent("DELETED", testing::ClaimObject("u3", "old", "1Gi"));
  printer.PrintObject(json::Parse(R"({"apiVersion":"apps/v1","kind":"Deployment"})"));
  BOOST_TEST(out.str() ==
             "persistentvolumeclaim/data\npersistentvolumeclaim/logs\npersistentvolumeclaim/old\n"
             "deployment.apps/<unknown>\n");
}

// cli-runtime NamePrinter's errors for an object from a file without its type.
BOOST_AUTO_TEST_CASE(names_need_a_kind) {
  std::ostringstream out;
  NamePrinter printer(out);
  BOOST_TEST(ErrorOf(printer, json::Parse(R"({"metadata":{"name":"x"}})")) ==
             "missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know "
             "the type");
  BOOST_TEST(ErrorOf(printer, json::Parse(R"({"apiVersion":"v1","metadata":{"name":"x"}})")) ==
             "missing kind for resource with name x");
}

BOOST_AUTO_TEST_CASE(a_template_runs_on_each_object_given) {
  std::ostringstream out;
  JsonPathPrinter printer(out, "{.metadata.name}{\"\\n\"}", true, false);
  printer.PrintObject(testing::ClaimObject("u1", "data", "1Gi"));
  printer.PrintObject(testing::ClaimObject("u2", "logs", "1Gi"));
  BOOST_TEST(out.str() == "data\nlogs\n");
}

BOOST_AUTO_TEST_CASE(a_template_sees_the_list_kubectl_builds) {
  std::ostringstream out;
  JsonPathPrinter printer(
      out, "{.kind} {.apiVersion} [{.metadata.resourceVersion}] {.items[*].metadata.name}", true,
      false);
  printer.PrintObject(ListDocument({testing::ClaimObject("u1", "data", "1Gi")}));
  BOOST_TEST(out.str() == "List v1 [] data");
}

BOOST_AUTO_TEST_CASE(a_watch_event_is_type_and_object) {
  std::ostringstream out;
  JsonPathPrinter printer(out, "{.type} {.object.metadata.name}", true, false);
  printer.PrintEvent("MODIFIED", testing::ClaimObject("u1", "data", "1Gi"));
  BOOST_TEST(out.str() == "MODIFIED data");
}

BOOST_AUTO_TEST_CASE(a_bad_template_fails_with_kubectls_text) {
  std::ostringstream out;
  try {
    JsonPathPrinter printer(out, "{.metadata.name", true, false);
    BOOST_FAIL("parsed");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(e.what() == std::string("error parsing jsonpath {.metadata.name, unclosed action"));
  }
}

BOOST_AUTO_TEST_CASE(a_missing_key_fails_only_when_asked_to) {
  std::ostringstream out;
  JsonPathPrinter lenient(out, "{.spec.nope}", true, false);
  lenient.PrintObject(testing::ClaimObject("u1", "data", "1Gi"));
  BOOST_TEST(out.str().empty());
  JsonPathPrinter strict(out, "{.spec.nope}", false, false);
  const std::string error = ErrorOf(strict, json::Parse(R"({"spec":{}})"));
  BOOST_TEST(error ==
             "error executing jsonpath \"{.spec.nope}\": Error executing template: nope is not "
             "found. Printing more information for debugging the template:\n\ttemplate was:\n\t\t"
             "{.spec.nope}\n\tobject given to jsonpath engine was:\n\t\t"
             "map[string]interface {}{\"spec\":map[string]interface {}{}}\n\n\n");
}

BOOST_AUTO_TEST_CASE(json_events_are_compact_lines_with_type_first) {
  std::ostringstream out;
  JsonPrinter printer(out);
  printer.PrintEvent("ADDED", json::Parse(R"({"b":1,"a":"<x>"})"));
  BOOST_TEST(out.str() == "{\"type\":\"ADDED\",\"object\":{\"a\":\"\\u003cx\\u003e\",\"b\":1}}\n");
}

BOOST_AUTO_TEST_CASE(yaml_documents_are_separated_from_the_second_on) {
  std::ostringstream out;
  YamlPrinter printer(out);
  printer.PrintEvent("ADDED", json::Parse(R"({"a":1})"));
  printer.PrintEvent("DELETED", json::Parse(R"({"a":2})"));
  BOOST_TEST(out.str() == "object:\n  a: 1\ntype: ADDED\n---\nobject:\n  a: 2\ntype: DELETED\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::print
