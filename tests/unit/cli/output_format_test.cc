#include "cli/output_format.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>

namespace pvcwatch::cli {
namespace {

namespace data = boost::unit_test::data;
using Kind = OutputFormat::Kind;

std::string ErrorOf(const std::string& output) {
  try {
    ParseOutputFormat(output);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "no error";
}

BOOST_AUTO_TEST_SUITE(output_format_test)

BOOST_AUTO_TEST_CASE(plain_formats) {
  BOOST_TEST((ParseOutputFormat("").kind == Kind::kTable));
  BOOST_TEST((ParseOutputFormat("wide").kind == Kind::kWide));
  BOOST_TEST((ParseOutputFormat("json").kind == Kind::kJson));
  BOOST_TEST((ParseOutputFormat("yaml").kind == Kind::kYaml));
  BOOST_TEST((ParseOutputFormat("name").kind == Kind::kName));
}

BOOST_AUTO_TEST_CASE(templates_keep_everything_after_the_first_equals_sign) {
  OutputFormat f = ParseOutputFormat("jsonpath={.a}={.b}");
  BOOST_TEST((f.kind == Kind::kJsonPath));
  BOOST_TEST(f.argument == "{.a}={.b}");
  f = ParseOutputFormat("jsonpath-as-json={.items}");
  BOOST_TEST((f.kind == Kind::kJsonPathAsJson));
  BOOST_TEST(f.argument == "{.items}");
  f = ParseOutputFormat("custom-columns=NAME:.metadata.name");
  BOOST_TEST((f.kind == Kind::kCustomColumns));
  BOOST_TEST(!f.from_file);
  BOOST_TEST(f.argument == "NAME:.metadata.name");
}

BOOST_AUTO_TEST_CASE(files_are_read) {
  const std::string path = "/tmp/pvcwatch-output-format-test.txt";
  std::ofstream(path) << "{.items[*].metadata.name}";
  OutputFormat f = ParseOutputFormat("jsonpath-file=" + path);
  BOOST_TEST((f.kind == Kind::kJsonPath));
  BOOST_TEST(f.argument == "{.items[*].metadata.name}");
  f = ParseOutputFormat("custom-columns-file=" + path);
  BOOST_TEST(f.from_file);
  BOOST_TEST(f.argument == path);
  std::remove(path.c_str());
}

// The texts of cli-runtime's JSONPathPrintFlags and kubectl's CustomColumnsPrintFlags.
BOOST_DATA_TEST_CASE(
    errors,
    data::make({"jsonpath", "jsonpath=", "jsonpath-file", "jsonpath-as-json=", "custom-columns",
                "custom-columns-file=", "jsonpath-file=/nonexistent/t", "go-template={{.}}",
                "json=x", "names"}) ^
        data::make({"template format specified but no template given",
                    "template format specified but no template given",
                    "template format specified but no template given",
                    "template format specified but no template given",
                    "custom-columns format specified but no custom columns given",
                    "custom-columns format specified but no custom columns given",
                    "error reading --template /nonexistent/t, open /nonexistent/t: no such file "
                    "or directory",
                    "", "", ""}),
    output, expected) {
  std::string want = expected;
  if (want.empty()) {
    want = std::string("unable to match a printer suitable for the output format \"") + output +
           "\", allowed formats are: json,yaml,name,jsonpath,jsonpath-as-json,jsonpath-file,"
           "custom-columns,custom-columns-file,wide";
  }
  BOOST_TEST(ErrorOf(output) == want);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::cli
