#include "json/parser.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

namespace pvcwatch::json {
namespace {

namespace data = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(parser_test)

BOOST_AUTO_TEST_CASE(keeps_member_order_and_number_text) {
  Value v = Parse(R"({"z":1,"a":{"n":-1.50e3,"s":"x\u00e9\n"},"l":[true,null,false]})");
  BOOST_REQUIRE(v.IsObject());
  BOOST_TEST(v.members().size() == 3u);
  BOOST_TEST(v.members()[0].first == "z");
  BOOST_TEST(v.members()[1].first == "a");
  BOOST_TEST(v["a"]["n"].AsString() == "-1.50e3");
  BOOST_TEST(v["a"]["s"].AsString() == "x\xc3\xa9\n");
  BOOST_TEST(v["l"].items().size() == 3u);
  BOOST_TEST(v["l"].items()[0].AsBool());
  BOOST_TEST(v["l"].items()[1].IsNull());
}

BOOST_AUTO_TEST_CASE(missing_members_read_as_null) {
  Value v = Parse(R"({"metadata":{"name":"a"}})");
  BOOST_TEST(v["metadata"]["name"].AsString() == "a");
  BOOST_TEST(v["spec"]["resources"]["requests"]["storage"].IsNull());
  BOOST_TEST(v.Find("spec") == nullptr);
}

BOOST_AUTO_TEST_CASE(scalar_documents) {
  BOOST_TEST(Parse("3").AsString() == "3");
  BOOST_TEST(Parse("\"s\"").AsString() == "s");
  BOOST_TEST(Parse("true").AsBool());
  BOOST_TEST(Parse("null").IsNull());
  BOOST_TEST(Parse("null\n").IsNull());
  BOOST_TEST(Parse(" 7 ").AsString() == "7");
}

// Found by tests/fuzz/list_decoder_fuzz.cc: "8,8" reads as two elements once wrapped, and
// the error's place was then looked up in a document the inner parse had freed (ASan).
BOOST_AUTO_TEST_CASE(scalars_with_trailing_content_are_refused) {
  BOOST_CHECK_THROW(Parse("8,8"), ParseError);
  BOOST_CHECK_THROW(Parse("\"a\",1"), ParseError);
}

BOOST_AUTO_TEST_CASE(integers_beyond_64_bits_are_numbers) {
  BOOST_TEST(Parse("[18446744073709551616]").items()[0].AsString() == "18446744073709551616");
  BOOST_TEST(Parse("18446744073709551616").AsString() == "18446744073709551616");
}

BOOST_DATA_TEST_CASE(rejects_malformed_input,
                     data::make({"", "{", "{\"a\":}", "{\"a\":1} x", "[1,2] 3", "nul", "tru",
                                 "{\"a\":01}", "[1,]", "1 2", "[1] ]", "-", "1.", "\"unterminated",
                                 "{'a':1}", "<html>Bad Gateway</html>"}),
                     text) {
  BOOST_CHECK_THROW(Parse(text), ParseError);
}

BOOST_AUTO_TEST_CASE(skip_managed_fields_leaves_out_only_metadata_managed_fields) {
  const std::string text =
      R"({"metadata":{"a":1,"managedFields":[{"x":{"y":[]}}],"b":2},"managedFields":3,)"
      R"("items":[{"metadata":{"managedFields":null}}]})";
  Value kept = Parse(text);
  Value skipped = Parse(text, {.skip_managed_fields = true});
  BOOST_TEST(kept["metadata"].members().size() == 3u);
  BOOST_TEST(skipped["metadata"].members().size() == 2u);
  BOOST_TEST(skipped["metadata"]["b"].AsString() == "2");
  BOOST_TEST(skipped["managedFields"].AsString() == "3");
  BOOST_TEST(skipped["items"].items()[0]["metadata"].members().empty());
  // What is skipped is checked as strictly as what is kept.
  for (const char* broken :
       {R"({"metadata":{"managedFields":[}})", R"({"metadata":{"managedFields":[tru]}})",
        R"({"metadata":{"managedFields":{"a":"\x"}}})", R"({"metadata":{"managedFields":[01]}})",
        R"({"metadata":{"managedFields":nul}})"}) {
    BOOST_CHECK_THROW(Parse(broken, {.skip_managed_fields = true}), ParseError);
  }
}

BOOST_AUTO_TEST_CASE(parse_in_place_reads_the_same_document) {
  for (std::string text : {std::string(R"({"a":[1,"x",{"b":null}]})"), std::string(" 7 "),
                           std::string(1000, ' ') + "{}"}) {
    const Value expected = Parse(text);
    BOOST_TEST((ParseInPlace(text) == expected));
  }
  std::string broken = R"({"a":)";
  BOOST_CHECK_THROW(ParseInPlace(broken), ParseError);
}

BOOST_AUTO_TEST_CASE(set_adds_and_replaces_members) {
  Value v;
  v.Set("a", Value::String("1"));
  v.Set("b", Value::Number("2"));
  v.Set("a", Value::String("3"));
  BOOST_TEST(v.members().size() == 2u);
  BOOST_TEST(v["a"].AsString() == "3");
  BOOST_TEST(v["b"].AsString() == "2");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::json
