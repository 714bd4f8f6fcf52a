#include "cli/claim_input.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <stdexcept>
#include <string>

namespace pvcwatch::cli {
namespace {

namespace data = boost::unit_test::data;

struct Rejected {
  const char* text;
  const char* message;
};

std::ostream& operator<<(std::ostream& out, const Rejected& r) { return out << r.text; }

std::string Message(std::string_view text) {
  try {
    ParseClaimInput(text, "claims.yaml");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "(no error)";
}

BOOST_AUTO_TEST_SUITE(claim_input_test)

BOOST_AUTO_TEST_CASE(lists_and_documents_are_flattened) {
  std::vector<json::Value> claims = ParseClaimInput(
      "kind: List\nitems:\n- {kind: PersistentVolumeClaim, metadata: {name: a}}\n---\n"
      "kind: PersistentVolumeClaim\nmetadata: {name: b}\n",
      "claims.yaml");
  BOOST_REQUIRE(claims.size() == 2u);
  BOOST_TEST(claims[0]["metadata"]["name"].AsString() == "a");
  BOOST_TEST(claims[1]["metadata"]["name"].AsString() == "b");
}

BOOST_AUTO_TEST_CASE(an_empty_list_has_no_claims) {
  BOOST_TEST(ParseClaimInput("apiVersion: v1\nitems: []\nkind: List\n", "claims.yaml").empty());
}

BOOST_DATA_TEST_CASE(
    rejected_input_is_named,
    data::make({
        Rejected{"  \n", "claims.yaml: no objects in the input"},
        // Found by tests/fuzz/claim_input_fuzz.cc: items that are not a list threw
        // std::bad_variant_access instead of saying what the object is.
        Rejected{"kind: List\nitems: x\n",
                 "claims.yaml: object 1 is a List, not a PersistentVolumeClaim"},
        Rejected{R"({"items":{"a":1}})",
                 "claims.yaml: object 1 is an object without a kind, not a PersistentVolumeClaim"},
        Rejected{"[1]", "claims.yaml: object 1 is not an object, not a PersistentVolumeClaim"},
        // Found by tests/fuzz/claim_input_fuzz.cc: yaml-cpp 0.7's LoadAll looped, taking
        // memory without bound, on a stray ',' where a document begins.
        Rejected{",",
                 "claims.yaml: invalid YAML at line 1, column 1: did not find expected "
                 "node content"},
        Rejected{"kind: PersistentVolumeClaim\n--- ,\n",
                 "claims.yaml: invalid YAML at line 2, column 5: did not find expected node "
                 "content"},
    }),
    r) {
  BOOST_TEST(Message(r.text) == r.message);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::cli
