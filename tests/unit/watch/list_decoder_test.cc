#include "watch/list_decoder.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <string>

namespace pvcwatch::watch {
namespace {

namespace data = boost::unit_test::data;

struct Malformed {
  const char* body;
  const char* message;
};

std::ostream& operator<<(std::ostream& out, const Malformed& m) { return out << m.body; }

std::string Message(std::string_view body) {
  try {
    DecodeListPage(std::string(body));
  } catch (const DecodeError& e) {
    return e.what();
  }
  return "(no error)";
}

BOOST_AUTO_TEST_SUITE(list_decoder_test)

BOOST_AUTO_TEST_CASE(list_items_get_the_list_kind_back) {
  ListPage page =
      DecodeListPage(R"({"kind":"PersistentVolumeClaimList","apiVersion":"v1",)"
                     R"("metadata":{"resourceVersion":"220","continue":"abc"},)"
                     R"("items":[{"metadata":{"name":"a"}},{"kind":"Other","metadata":{}}]})");
  BOOST_TEST(page.resource_version == "220");
  BOOST_TEST(page.continue_token == "abc");
  BOOST_REQUIRE(page.items.size() == 2u);
  BOOST_TEST(page.items[0].members()[0].first == "apiVersion");
  BOOST_TEST(page.items[0]["kind"].AsString() == "PersistentVolumeClaim");
  BOOST_TEST(page.items[0]["metadata"]["name"].AsString() == "a");
  BOOST_TEST(page.items[1]["kind"].AsString() == "Other");
  BOOST_TEST(page.table.IsNull());
}

BOOST_AUTO_TEST_CASE(table_rows_give_their_objects_and_keep_their_cells) {
  ListPage page = DecodeListPage(
      R"({"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"7"},)"
      R"("columnDefinitions":[{"name":"Name"}],"rows":[{"cells":["a"],)"
      R"("object":{"kind":"PersistentVolumeClaim","metadata":{"name":"a"}}}]})");
  BOOST_TEST(page.resource_version == "7");
  BOOST_REQUIRE(page.items.size() == 1u);
  BOOST_TEST(page.items[0]["metadata"]["name"].AsString() == "a");
  BOOST_TEST(page.table["rows"].items()[0]["cells"].items()[0].AsString() == "a");
  BOOST_TEST(page.table["rows"].items()[0]["object"].IsNull());
}

BOOST_AUTO_TEST_CASE(managed_fields_are_left_out_of_list_and_table_items) {
  const std::string managed = R"("managedFields":[{"manager":"kubectl"}])";
  for (const std::string& body :
       {R"({"kind":"PersistentVolumeClaimList","items":[{"metadata":{"name":"a",)" + managed +
            R"(,"uid":"u"},"spec":{"managedFields":1}}]})",
        R"({"kind":"Table","rows":[{"cells":["a"],"object":{"metadata":{"name":"a",)" + managed +
            R"(,"uid":"u"},"spec":{"managedFields":1}}}]})"}) {
    ListPage page = DecodeListPage(body);
    BOOST_REQUIRE(page.items.size() == 1u);
    BOOST_TEST(page.items[0]["metadata"].Find("managedFields") == nullptr);
    BOOST_TEST(page.items[0]["metadata"]["uid"].AsString() == "u");
    // Only under metadata: a field of that name elsewhere is data.
    BOOST_TEST(page.items[0]["spec"]["managedFields"].AsString() == "1");
  }
}

BOOST_AUTO_TEST_CASE(null_items_are_an_empty_page) {
  BOOST_TEST(DecodeListPage(R"({"kind":"PersistentVolumeClaimList","items":null})").items.empty());
}

BOOST_DATA_TEST_CASE(
    malformed_bodies_are_named,
    data::make({
        Malformed{R"({"kind":"PersistentVolumeClaimList","items":{}})",
                  "malformed list response: no items"},
        Malformed{"[]", "malformed list response: no items"},
        Malformed{R"({"kind":"Table","rows":[{"cells":[]}]})",
                  "malformed table response: a row without its object"},
        // Found by tests/fuzz/list_decoder_fuzz.cc (std::bad_variant_access before).
        Malformed{R"({"kind":"Table","rows":[1]})",
                  "malformed table response: a row without its object"},
        Malformed{"", "malformed list response: invalid JSON: Empty: no JSON found"},
    }),
    m) {
  BOOST_TEST(Message(m.body) == m.message);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::watch
