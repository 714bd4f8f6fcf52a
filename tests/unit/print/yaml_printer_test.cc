#include "print/yaml_printer.h"

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

namespace pvcwatch::print {
namespace {

namespace data = boost::unit_test::data;
using json::Value;

std::string Yaml(const Value& value) {
  std::ostringstream out;
  PrintYaml(value, out);
  return out.str();
}

const std::vector<std::string> kDocuments = testing::GoldenCases("documents", ".json");

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_printer_test)

// Each golden file is sigs.k8s.io/yaml's output for the same input decoded as kubectl
// decodes it (tests/oracle/printers); where Go failed, a .yaml.error file holds its error.
BOOST_DATA_TEST_CASE(output_matches_sigs_k8s_io_yaml, data::make(kDocuments), name) {
  const auto dir = testing::GoldenDir("documents");
  std::string input, expected;
  BOOST_REQUIRE(testing::ReadGolden(dir / (name + ".json"), input));
  const Value value = json::Parse(input);
  if (testing::ReadGolden(dir / (name + ".yaml.golden"), expected)) {
    const std::string actual = Yaml(value);
    BOOST_TEST(actual == expected);
  } else {
    BOOST_REQUIRE(testing::ReadGolden(dir / (name + ".yaml.error"), expected));
    try {
      Yaml(value);
      BOOST_ERROR("no error; Go failed with " << expected);
    } catch (const std::invalid_argument& e) {
      BOOST_TEST(std::string(e.what()).rfind("yaml: ", 0) == 0);
    }
  }
}

BOOST_AUTO_TEST_CASE(corpus_is_present) { BOOST_TEST(kDocuments.size() >= 20u); }

// Numbers the JSON parser cannot carry through a document, checked one by one against
// sigs.k8s.io/yaml's output (int64, then uint64, then float64 with %g).
const std::vector<std::tuple<std::string, std::string>> kNumbers = {
    {"18446744073709551616", "1.8446744073709552e+19"},
    {"-9223372036854775809", "-9.223372036854776e+18"},
    {"123456789012345678901234567890", "1.2345678901234568e+29"},
    {"100000000000000000000", "1e+20"},
    {"18446744073709551615", "1.8446744073709552e+19"},
    {"10000000000000000000", "10000000000000000000"},
    {"-1e-400", "0"},
    {"1.0e+2", "100"},
    {"12345678.9", "1.23456789e+07"},
    {"0.000012345", "1.2345e-05"},
    {"1e6", "1000000"},
};

BOOST_DATA_TEST_CASE(numbers_print_as_goyaml_reads_them, data::make(kNumbers), text, expected) {
  BOOST_TEST(Yaml(Value::Number(text)) == expected + "\n");
}

BOOST_AUTO_TEST_CASE(number_beyond_float64_fails_as_kubectl_does) {
  BOOST_CHECK_THROW(Yaml(Value::Number("1e400")), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_becomes_replacement_characters) {
  const Value value = Value::MakeObject({{"k\xff", Value::String("a\xc3(")}});
  BOOST_TEST(Yaml(value) == "k\uFFFD: a\uFFFD(\n");
}

BOOST_AUTO_TEST_CASE(summary_document_layout) {
  const Value value = json::Parse(R"({"total":"225Gi","maxClaims":"200Gi","percent":112.5,
      "overage":true,"items":[{"metadata":{"name":"a","resourceVersion":"9"}}]})");
  BOOST_TEST(Yaml(value) ==
             "items:\n"
             "- metadata:\n"
             "    name: a\n"
             "    resourceVersion: \"9\"\n"
             "maxClaims: 200Gi\n"
             "overage: true\n"
             "percent: 112.5\n"
             "total: 225Gi\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::print
