#include "jsonpath/printer_error.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <string>

#include "jsonpath/jsonpath.h"
#include "jsonpath/parser.h"
#include "vectors.h"

namespace pvcwatch::jsonpath {
namespace {

namespace data = boost::unit_test::data;

// What kubectl's printer flags and JSONPathPrinter do around the engine.
struct Printed {
  std::string output;
  std::string error;
};

Printed Print(const std::string& format, const std::string& text, const json::Value& doc,
              bool allow) {
  Printed printed;
  std::optional<JsonPath> path;
  try {
    path.emplace(text);
  } catch (const ParseError& e) {
    printed.error = FormatParseError(text, e.what());
    return printed;
  }
  path->AllowMissingKeys(allow);
  path->EnableJsonOutput(format == "jsonpath-as-json");
  try {
    path->Execute(doc, printed.output);
  } catch (const ExecuteError& e) {
    printed.error = FormatExecuteError(text, e.what(), doc);
  }
  return printed;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(printer_error_test)

// cli-runtime's JSONPathPrintFlags.ToPrinter and JSONPathPrinter.PrintObj, word for word.
BOOST_DATA_TEST_CASE(matches_kubectl_printer, data::xrange(testing::JsonPathVectorCount("printer")),
                     index) {
  const json::Value& v = testing::JsonPathVectors()["printer"].items()[index];
  const std::string text(v["template"].AsString());
  const Printed got = Print(std::string(v["format"].AsString()), text,
                            testing::JsonPathDocument(std::string(v["document"].AsString())),
                            v["allowMissingKeys"].AsBool());
  BOOST_TEST_CONTEXT("-o " << v["format"].AsString() << "=" << text << " on "
                           << v["document"].AsString()) {
    BOOST_TEST(got.output == v["output"].AsString());
    BOOST_TEST(got.error == v["error"].AsString());
  }
}

BOOST_AUTO_TEST_CASE(a_parse_error_names_the_template) {
  BOOST_TEST(FormatParseError("{.a", "unclosed action") ==
             "error parsing jsonpath {.a, unclosed action");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::jsonpath
