#include "jsonpath/relaxed.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <string>

#include "jsonpath/parser.h"
#include "vectors.h"

namespace pvcwatch::jsonpath {
namespace {
namespace data = boost::unit_test::data;
}  // namespace

BOOST_AUTO_TEST_SUITE(relaxed_test)

// kubectl's RelaxedJSONPathExpression for each input of the oracle.
BOOST_DATA_TEST_CASE(matches_kubectl, data::xrange(testing::JsonPathVectorCount("relaxed")),
                     index) {
  const json::Value& v = testing::JsonPathVectors()["relaxed"].items()[index];
  const std::string input(v["input"].AsString());
  std::string output, error;
  try {
    output = RelaxedJsonPathExpression(input);
  } catch (const ParseError& e) {
    error = e.what();
  }
  BOOST_TEST_CONTEXT("input " << input) {
    BOOST_TEST(output == v["output"].AsString());
    BOOST_TEST(error == v["error"].AsString());
  }
}

BOOST_AUTO_TEST_CASE(every_spelling_becomes_a_complete_expression) {
  for (const char* spelling : {"a.b", ".a.b", "{a.b}", "{.a.b}"}) {
    BOOST_TEST(RelaxedJsonPathExpression(spelling) == "{.a.b}");
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::jsonpath
