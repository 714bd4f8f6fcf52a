#include "json/parse_yaml.h"

#include <boost/test/unit_test.hpp>
#include <string>

#include "json/encode.h"

namespace pvcwatch::json {
namespace {

std::string OneDocument(const std::string& yaml) {
  const std::vector<Value> documents = ParseYaml(yaml);
  BOOST_REQUIRE_EQUAL(documents.size(), 1u);
  return CompactJson(documents[0]);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(parse_yaml_test)

BOOST_AUTO_TEST_CASE(plain_scalars_resolve_as_sigs_yaml_does) {
  BOOST_TEST(OneDocument("a: 0x1F\nb: 017\nc: 1_000\nd: 1.5e3\ne: yes\nf: ~\ng: 2026-11-26\n") ==
             R"({"a":31,"b":15,"c":1000,"d":1500,"e":true,"f":null,"g":"2026-11-26"})");
}

BOOST_AUTO_TEST_CASE(quoted_and_tagged_scalars_stay_strings) {
  BOOST_TEST(OneDocument("a: \"true\"\nb: '12'\nc: !!str 0x1F\n") ==
             R"({"a":"true","b":"12","c":"0x1F"})");
}

BOOST_AUTO_TEST_CASE(infinity_has_no_json_form) {
  BOOST_CHECK_EXCEPTION(ParseYaml("a: .inf\n"), ParseError, [](const ParseError& e) {
    return std::string(e.what()) == "json: unsupported value: +Inf";
  });
}

BOOST_AUTO_TEST_CASE(documents_are_read_in_order_and_empty_ones_skipped) {
  const std::vector<Value> documents = ParseYaml("a: 1\n---\n---\nb: 2\n");
  BOOST_REQUIRE_EQUAL(documents.size(), 2u);
  BOOST_TEST(CompactJson(documents[1]) == R"({"b":2})");
}

BOOST_AUTO_TEST_CASE(errors_name_line_and_column) {
  BOOST_CHECK_EXCEPTION(ParseYaml("a: [1,\n"), ParseError, [](const ParseError& e) {
    return std::string(e.what()).rfind("invalid YAML at line ", 0) == 0;
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::json
