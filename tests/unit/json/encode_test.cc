#include "json/encode.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "../golden_files.h"
#include "json/parser.h"

namespace pvcwatch::json {
namespace {

namespace data = boost::unit_test::data;

std::string Indented(const Value& value) {
  std::ostringstream out;
  PrintJson(value, out);
  return out.str();
}

std::string Compact(const Value& value) { return CompactJson(value) + "\n"; }

const std::vector<std::string> kDocuments = testing::GoldenCases("documents", ".json");

// Each golden pair was printed by Go's encoding/json from the same input decoded as kubectl
// decodes it (tests/oracle/printers); where Go failed, a .error file holds its text (a
// golden deleted by mistake fails here instead of becoming a check that we throw).
void CheckGolden(const std::string& name, const std::string& kind, bool indent) {
  std::string input, expected;
  const auto dir = testing::GoldenDir("documents");
  BOOST_REQUIRE(testing::ReadGolden(dir / (name + ".json"), input));
  const Value value = json::Parse(input);
  auto print = [&] { return indent ? Indented(value) : Compact(value); };
  if (testing::ReadGolden(dir / (name + "." + kind + ".golden"), expected)) {
    const std::string actual = print();
    BOOST_TEST(actual == expected);
  } else {
    std::string go_error;
    BOOST_REQUIRE(testing::ReadGolden(dir / (name + "." + kind + ".error"), go_error));
    BOOST_CHECK_THROW(print(), std::invalid_argument);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(encode_test)

BOOST_DATA_TEST_CASE(indented_output_matches_go_marshal_indent, data::make(kDocuments), name) {
  CheckGolden(name, "indent", true);
}

BOOST_DATA_TEST_CASE(compact_output_matches_go_marshal, data::make(kDocuments), name) {
  CheckGolden(name, "compact", false);
}

BOOST_AUTO_TEST_CASE(corpus_is_present) { BOOST_TEST(kDocuments.size() >= 20u); }

const std::vector<std::tuple<std::string, std::string>> kNumbers = {
    {"0", "0"},
    {"-0", "0"},
    {"-0.0", "-0"},
    {"1.0", "1"},
    {"1e3", "1000"},
    {"1E-7", "1e-7"},
    {"1.5e-7", "1.5e-7"},
    {"0.000001", "0.000001"},
    {"1e21", "1e+21"},
    {"1e20", "100000000000000000000"},
    {"9223372036854775807", "9223372036854775807"},
    {"9223372036854775808", "9223372036854776000"},
    {"123456789012345678901234567890", "1.2345678901234568e+29"},
    {"1000000000000000000000", "1e+21"},
    {"-9223372036854775809", "-9223372036854776000"},
    {"18446744073709551616", "18446744073709552000"},
    {"112.5", "112.5"},
    {"0.1", "0.1"},
    {"5e-324", "5e-324"},
    {"1e-400", "0"},
    {"-1e-400", "-0"},
    {"1.7976931348623157e308", "1.7976931348623157e+308"},
};

BOOST_DATA_TEST_CASE(numbers_print_as_go_prints_int64_or_float64, data::make(kNumbers), text,
                     expected) {
  BOOST_TEST(FormatJsonNumber(text) == expected);
}

const std::vector<std::string> kBadNumbers = {"1e400", "-1e400", "10e308", "abc", "01", "1.",
                                              ".5",    "+1",     "",       "1e",  "NaN"};

BOOST_DATA_TEST_CASE(numbers_go_cannot_decode_are_rejected, data::make(kBadNumbers), text) {
  BOOST_CHECK_THROW(FormatJsonNumber(text), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_replaced_like_go) {
  const Value value =
      Value::String(std::string("a\xff"
                                "b\xc3\x28"
                                "c\xed\xa0\x80"));
  BOOST_TEST(Compact(value) == "\"a\\ufffdb\\ufffd(c\\ufffd\\ufffd\\ufffd\"\n");
}

BOOST_AUTO_TEST_CASE(html_and_separators_are_escaped) {
  const Value value = Value::String("<a href=\"x\">&</a>\u2028\u2029\x7f\b\f\x01");
  BOOST_TEST(Compact(value) ==
             "\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\\u2028\\u2029\x7f\\b\\f"
             "\\u0001\"\n");
}

BOOST_AUTO_TEST_CASE(repeated_keys_keep_the_last_value_as_a_go_map_does) {
  const Value value = Value::MakeObject(
      {{"b", Value::Number("1")}, {"a", Value::Number("2")}, {"b", Value::Number("3")}});
  BOOST_TEST(Indented(value) == "{\n    \"a\": 2,\n    \"b\": 3\n}\n");
}

BOOST_AUTO_TEST_CASE(empty_containers_stay_on_one_line) {
  Value value =
      Value::MakeObject({{"a", Value::MakeObject()}, {"b", Value::MakeArray()}, {"c", Value()}});
  BOOST_TEST(Indented(value) == "{\n    \"a\": {},\n    \"b\": [],\n    \"c\": null\n}\n");
  BOOST_TEST(Compact(value) == "{\"a\":{},\"b\":[],\"c\":null}\n");
}

BOOST_AUTO_TEST_CASE(unmarshal_type_names_are_encoding_json_words) {
  BOOST_TEST(UnmarshalTypeName(Parse(R"("s")")) == "string");
  BOOST_TEST(UnmarshalTypeName(Parse("1.5")) == "number");
  BOOST_TEST(UnmarshalTypeName(Parse("true")) == "bool");
  BOOST_TEST(UnmarshalTypeName(Parse("[]")) == "array");
  BOOST_TEST(UnmarshalTypeName(Parse("{}")) == "object");
  BOOST_TEST(UnmarshalTypeName(Parse("null")) == "null");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::json
