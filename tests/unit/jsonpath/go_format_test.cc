#include "jsonpath/go_format.h"

#include <boost/test/unit_test.hpp>
#include <string>

#include "json/parser.h"

namespace pvcwatch::jsonpath {

BOOST_AUTO_TEST_SUITE(go_format_test)

BOOST_AUTO_TEST_CASE(unicode_verb_shows_printable_runes_only) {
  BOOST_TEST(FormatUnicode(U'#') == "U+0023 '#'");
  BOOST_TEST(FormatUnicode(U'\t') == "U+0009");
  BOOST_TEST(FormatUnicode(0x1F680) == "U+1F680 '\xF0\x9F\x9A\x80'");
}

BOOST_AUTO_TEST_CASE(value_verb_sorts_map_keys_and_spaces_elements) {
  const json::Value doc = json::Parse(R"({"b": [1, 2.5, null], "a": {"x": "y"}, "c": true})");
  BOOST_TEST(FormatValue(Result::Document(doc)) == "map[a:map[x:y] b:[1 2.5 <nil>] c:true]");
  BOOST_TEST(FormatValue(Result()) == "<invalid reflect.Value>");
}

BOOST_AUTO_TEST_CASE(go_syntax_verb_names_the_decoded_types) {
  const json::Value doc = json::Parse(R"({"b": [1, "s\n"], "a": null, "e": {}})");
  BOOST_TEST(FormatGoSyntax(doc) ==
             R"(map[string]interface {}{"a":interface {}(nil), "b":[]interface {}{1, "s\n"}, )"
             R"("e":map[string]interface {}{}})");
}

BOOST_AUTO_TEST_CASE(scalars_print_as_fmt_print_does) {
  const json::Value doc = json::Parse(R"([1000000, 1000000.0, 1e-5, "raw <s>"])");
  BOOST_TEST(FormatScalar(Result::Document(doc.items()[0])) == "1000000");
  BOOST_TEST(FormatScalar(Result::Document(doc.items()[1])) == "1e+06");
  BOOST_TEST(FormatScalar(Result::Document(doc.items()[2])) == "1e-05");
  BOOST_TEST(FormatScalar(Result::Document(doc.items()[3])) == "raw <s>");
  BOOST_TEST(TypeName(Result::Byte(7)) == "uint8");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::jsonpath
