#include "go/yaml_resolve.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace pvcwatch::go {
namespace {

namespace data = boost::unit_test::data;

// goyaml v2 reads these back as something other than the string: its encoder quotes them.
const std::vector<std::string> kQuoted = {"",
                                          "~",
                                          "null",
                                          "Null",
                                          "yes",
                                          "No",
                                          "on",
                                          "OFF",
                                          "y",
                                          "true",
                                          "9",
                                          "-1",
                                          "+1",
                                          "1.5",
                                          ".5",
                                          "1e3",
                                          "0x1F",
                                          "0o17",
                                          "0b101",
                                          "0b-101",
                                          "1_000",
                                          "08",
                                          "0123",
                                          ".inf",
                                          "-.Inf",
                                          ".NaN",
                                          "1:20:30",
                                          "190:20:30.15",
                                          "-1:30",
                                          "2026-11-26T17:19:42Z",
                                          "2026-11-26",
                                          "2026-1-2",
                                          "2026-11-26 17:19:42",
                                          "2026-11-26T17:19:42+01:00",
                                          "2024-02-29",
                                          "9223372036854775808",
                                          "18446744073709551616"};

// ... and these stay strings, so they are written plain (or quoted for other reasons).
const std::vector<std::string> kStrings = {"a",
                                           "yEs",
                                           "nULL",
                                           "tRUE",
                                           "<<",
                                           "0x",
                                           "0b",
                                           "0b2",
                                           "1e",
                                           "e1",
                                           "inf",
                                           "NaN",
                                           "1:60",
                                           ".",
                                           "..",
                                           "_1",
                                           "+",
                                           "-",
                                           "1e400",
                                           "2026-13-01",
                                           "2023-02-29",
                                           "2026-11-26t17:19:42z",
                                           "2026-11-26T24:00:00Z",
                                           "20261-1-1",
                                           "pvc-5b2f0c1e",
                                           "50Gi",
                                           "Bound",
                                           "ReadWriteOnce"};

struct Resolved {
  std::string text;
  YamlScalar::Kind kind;
  std::string value;  // "true"/"false" for a bool, the number's text otherwise
};
std::ostream& operator<<(std::ostream& os, const Resolved& r) { return os << r.text; }

// What sigs.k8s.io/yaml turns a plain scalar into (goyaml v2 into interface{}).
const std::vector<Resolved> kResolved = {
    {"yes", YamlScalar::Kind::kBool, "true"},
    {"Off", YamlScalar::Kind::kBool, "false"},
    {"n", YamlScalar::Kind::kBool, "false"},
    {"~", YamlScalar::Kind::kNull, ""},
    {"", YamlScalar::Kind::kNull, ""},
    {"12", YamlScalar::Kind::kInt, "12"},
    {"+12", YamlScalar::Kind::kInt, "12"},
    {"-0", YamlScalar::Kind::kInt, "0"},
    {"0x1F", YamlScalar::Kind::kInt, "31"},
    {"0o17", YamlScalar::Kind::kInt, "15"},
    {"017", YamlScalar::Kind::kInt, "15"},
    {"0b101", YamlScalar::Kind::kInt, "5"},
    {"-0b101", YamlScalar::Kind::kInt, "-5"},
    {"1_000", YamlScalar::Kind::kInt, "1000"},
    {"18446744073709551615", YamlScalar::Kind::kInt, "18446744073709551615"},
    {"08", YamlScalar::Kind::kFloat, "8"},
    {"1.5e3", YamlScalar::Kind::kFloat, "1500"},
    {".5", YamlScalar::Kind::kFloat, "0.5"},
    {"1e21", YamlScalar::Kind::kFloat, "1e+21"},
    {"18446744073709551616", YamlScalar::Kind::kFloat, "1.8446744073709552e+19"},
    {".inf", YamlScalar::Kind::kFloat, "+Inf"},
    {"-.INF", YamlScalar::Kind::kFloat, "-Inf"},
    {".NaN", YamlScalar::Kind::kFloat, "NaN"},
    {"1e400", YamlScalar::Kind::kString, ""},
    {"2026-11-26", YamlScalar::Kind::kString, ""},  // a timestamp: a string in interface{}
    {"1:20:30", YamlScalar::Kind::kString, ""},     // base 60 is the encoder's worry only
    {"0x", YamlScalar::Kind::kString, ""},
    {"True", YamlScalar::Kind::kBool, "true"},
    {"tRUE", YamlScalar::Kind::kString, ""},
    {"50Gi", YamlScalar::Kind::kString, ""}};

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_resolve_test)

BOOST_DATA_TEST_CASE(plain_scalars_decode_as_goyaml_decodes_them, data::make(kResolved), r) {
  const YamlScalar scalar = ResolvePlainScalar(r.text);
  BOOST_TEST((scalar.kind == r.kind));
  if (r.kind == YamlScalar::Kind::kBool) BOOST_TEST((scalar.boolean ? "true" : "false") == r.value);
  if (r.kind == YamlScalar::Kind::kInt || r.kind == YamlScalar::Kind::kFloat) {
    BOOST_TEST(scalar.number == r.value);
  }
}

BOOST_DATA_TEST_CASE(values_that_resolve_to_other_types_need_quotes, data::make(kQuoted), text) {
  BOOST_TEST(!ResolvesToString(text));
}

BOOST_DATA_TEST_CASE(other_text_resolves_to_a_string, data::make(kStrings), text) {
  BOOST_TEST(ResolvesToString(text));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::go
