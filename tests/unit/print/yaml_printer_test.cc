#include "print/yaml_printer.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "golden_files.h"
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

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::print
