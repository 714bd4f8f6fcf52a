#include "cli/parse_options.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <vector>

namespace pvcwatch::cli {
namespace {

namespace data = boost::unit_test::data;

Options Parse(std::vector<const char*> args) {
  args.insert(args.begin(), "kubectl-pvcwatch");
  return ParseOptions(static_cast<int>(args.size()), args.data());
}

std::string ErrorOf(std::vector<const char*> args) {
  try {
    Parse(std::move(args));
  } catch (const UsageError& e) {
    return e.what();
  }
  return "no error";
}

BOOST_AUTO_TEST_SUITE(parse_options_test)

BOOST_AUTO_TEST_CASE(defaults) {
  Options o = Parse({});
  BOOST_TEST(o.max_claims == "200Gi");
  BOOST_TEST(!o.once);
  BOOST_TEST(!o.all_namespaces);
  BOOST_TEST(!o.connection.insecure_skip_tls_verify.has_value());
}

BOOST_DATA_TEST_CASE(namespace_spellings, data::make({"-n=ns", "--namespace=ns", "-nns"}),
                     spelling) {
  BOOST_TEST(Parse({spelling}).connection.namespace_name == "ns");
}

BOOST_AUTO_TEST_CASE(separate_values) {
  Options o = Parse({"-n", "ns", "--context", "ctx", "-l", "env in (a,b)", "--max-claims", "1Ti",
                     "-o", "json", "--once"});
  BOOST_TEST(o.connection.namespace_name == "ns");
  BOOST_TEST(o.connection.context == "ctx");
  BOOST_TEST(o.label_selector == "env in (a,b)");
  BOOST_TEST(o.max_claims == "1Ti");
  BOOST_TEST(o.output == "json");
  BOOST_TEST(o.once);
}

BOOST_AUTO_TEST_CASE(as_group_repeats_without_splitting) {
  Options o = Parse({"--as", "bob", "--as-group", "a,b", "--as-group=c"});
  BOOST_TEST(o.connection.impersonate == "bob");
  BOOST_TEST(o.connection.impersonate_groups == (std::vector<std::string>{"a,b", "c"}));
}

BOOST_AUTO_TEST_CASE(booleans_take_explicit_values) {
  BOOST_TEST(Parse({"-A"}).all_namespaces);
  BOOST_TEST(!Parse({"--all-namespaces=false"}).all_namespaces);
  BOOST_TEST(*Parse({"--insecure-skip-tls-verify"}).connection.insecure_skip_tls_verify);
  BOOST_TEST(!*Parse({"--insecure-skip-tls-verify=false"}).connection.insecure_skip_tls_verify);
}

BOOST_AUTO_TEST_CASE(pflag_spellings_cxxopts_lacks) {
  BOOST_TEST(Parse({"--v=3"}).verbosity == 3);
  BOOST_TEST(Parse({"--v", "4"}).verbosity == 4);
  BOOST_TEST(!Parse({"-A=false"}).all_namespaces);
  BOOST_TEST(ErrorOf({"-A=maybe"}) ==
             "invalid argument \"maybe\" for \"-A, --all-namespaces\" flag: strconv.ParseBool: "
             "parsing \"maybe\": invalid syntax");
}

BOOST_AUTO_TEST_CASE(from_file_implies_once) { BOOST_TEST(Parse({"--from-file", "-"}).once); }

BOOST_AUTO_TEST_CASE(kubectl_wording_for_bad_flags) {
  BOOST_TEST(ErrorOf({"--bogus"}) == "unknown flag: --bogus");
  BOOST_TEST(ErrorOf({"--bogus=1"}) == "unknown flag: --bogus");
  BOOST_TEST(ErrorOf({"-z"}) == "unknown shorthand flag: 'z' in -z");
  BOOST_TEST(ErrorOf({"--namespace"}) == "flag needs an argument: --namespace");
  BOOST_TEST(ErrorOf({"--once=maybe"}) ==
             "invalid argument \"maybe\" for \"--once\" flag: strconv.ParseBool: parsing "
             "\"maybe\": invalid syntax");
  BOOST_TEST(ErrorOf({"extra"}) == "unknown command \"extra\" for \"kubectl pvcwatch\"");
}

BOOST_AUTO_TEST_CASE(unknown_output_format_is_an_error_but_not_a_usage_error) {
  // kubectl's printer flags reject it after parsing: no pointer to --help follows.
  std::string message;
  try {
    Parse({"-o", "table"});
  } catch (const UsageError&) {
    message = "a usage error";
  } catch (const std::runtime_error& e) {
    message = e.what();
  }
  BOOST_TEST(message ==
             "unable to match a printer suitable for the output format \"table\", allowed "
             "formats are: json,wide,yaml");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::cli
