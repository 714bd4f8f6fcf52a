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
  BOOST_TEST(o.max_claims.empty());
  BOOST_TEST(o.limits.max->String() == "200Gi");
  BOOST_TEST(!o.limits.quota);
  BOOST_TEST((o.limits.basis == pvc::Basis::kRequests));
  BOOST_TEST(!o.limits.warn_percent.has_value());
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
  BOOST_TEST(o.limits.max->String() == "1Ti");
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
             "formats are: json,yaml,name,jsonpath,jsonpath-as-json,jsonpath-file,custom-columns,"
             "custom-columns-file,wide");
}

BOOST_AUTO_TEST_CASE(label_columns_split_at_commas_and_repeat) {
  Options o = Parse({"-L", "app,tier", "--label-columns=a/b", "-Lc", "-L=d", "-L", "\"e,f\""});
  BOOST_TEST(o.label_columns == (std::vector<std::string>{"app", "tier", "a/b", "c", "d", "e,f"}));
  BOOST_TEST(Parse({"-L", ""}).label_columns.empty());
}

BOOST_AUTO_TEST_CASE(max_claims_takes_a_quantity_and_quota_together) {
  Options both = Parse({"--max-claims", "quota,2Ti"});
  BOOST_TEST(both.limits.quota);
  BOOST_TEST(both.limits.max->String() == "2Ti");
  BOOST_TEST((both.limits.basis == pvc::Basis::kQuota));  // quotas count as the quota does
  Options repeated = Parse({"--max-claims=quota", "--max-claims", "1Ti", "--count", "requests"});
  BOOST_TEST(repeated.limits.quota);
  BOOST_TEST(repeated.limits.max->String() == "1Ti");
  BOOST_TEST((repeated.limits.basis == pvc::Basis::kRequests));
  Options quota_only = Parse({"--max-claims", "quota"});
  BOOST_TEST(!quota_only.limits.max.has_value());
  BOOST_TEST((Parse({"--count", "capacity"}).limits.basis == pvc::Basis::kCapacity));
  BOOST_TEST(Parse({"--warn-at", "80%"}).limits.warn_percent->String() == "80");
  BOOST_TEST(Parse({"--warn-at", "92.5"}).limits.warn_percent->Cmp(Quantity::Parse("92.5")) == 0);
}

BOOST_AUTO_TEST_CASE(limit_flags_name_what_is_wrong) {
  BOOST_TEST(ErrorOf({"--max-claims", "1Ti,2Ti"}) ==
             "invalid argument \"2Ti\" for \"--max-claims\" flag: only one quantity limits the "
             "total");
  BOOST_TEST(ErrorOf({"--max-claims", "0"}) ==
             "invalid argument \"0\" for \"--max-claims\" flag: must be a quantity greater than "
             "zero, or quota");
  BOOST_TEST(ErrorOf({"--count", "used"}) ==
             "invalid argument \"used\" for \"--count\" flag: must be one of requests, quota, "
             "capacity");
  for (const char* bad : {"100%", "0", "80Ki", "%", "-5", "1e2", "eighty"}) {
    BOOST_TEST(ErrorOf({"--warn-at", bad}) ==
               "invalid argument \"" + std::string(bad) +
                   "\" for \"--warn-at\" flag: must be a percentage between 0 and 100, e.g. 80%");
  }
  BOOST_TEST(ErrorOf({"--max-claims", "quota", "-l", "app=db"}) ==
             "--max-claims quota counts every claim as the quota does; it cannot be used with "
             "-l/--selector");
  BOOST_TEST(ErrorOf({"--max-claims", "quota", "--field-selector", "metadata.name=a"}) ==
             "--max-claims quota counts every claim as the quota does; it cannot be used with "
             "--field-selector");
  BOOST_TEST(ErrorOf({"--max-claims", "quota", "--from-file", "-"}) ==
             "--max-claims quota follows the cluster's ResourceQuotas; it cannot be used with "
             "--from-file");
}

BOOST_AUTO_TEST_CASE(label_columns_errors_name_the_flag) {
  BOOST_TEST(ErrorOf({"-L"}) == "flag needs an argument: 'L' in -L");
  BOOST_TEST(ErrorOf({"--label-columns"}) == "flag needs an argument: --label-columns");
  BOOST_TEST(ErrorOf({"-L", "a\"b"}) ==
             "invalid argument \"a\\\"b\" for \"-L, --label-columns\" flag: parse error on line 1, "
             "column 2: extraneous or missing \" in quoted-field");
}

BOOST_AUTO_TEST_CASE(get_flags_are_read) {
  Options o = Parse({"--sort-by", ".spec.resources.requests.storage", "--show-kind",
                     "--chunk-size=0", "--watch-only", "--output-watch-events",
                     "--allow-missing-template-keys=false", "-o", "jsonpath={.items[*].kind}"});
  BOOST_TEST(o.sort_by == ".spec.resources.requests.storage");
  BOOST_TEST(o.show_kind);
  BOOST_TEST(o.chunk_size == 0);
  BOOST_TEST(o.watch_only);
  BOOST_TEST(o.output_watch_events);
  BOOST_TEST(!o.allow_missing_template_keys);
  BOOST_TEST((o.format.kind == OutputFormat::Kind::kJsonPath));
  BOOST_TEST(o.format.argument == "{.items[*].kind}");
  BOOST_TEST(Parse({}).chunk_size == 500);
  BOOST_TEST(Parse({}).allow_missing_template_keys);
}

BOOST_AUTO_TEST_CASE(chunk_size_is_an_int64) {
  BOOST_TEST(Parse({"--chunk-size", "9223372036854775807"}).chunk_size == 9223372036854775807LL);
  BOOST_TEST(ErrorOf({"--chunk-size", "x"}) ==
             "invalid argument \"x\" for \"--chunk-size\" flag: strconv.ParseInt: parsing \"x\": "
             "invalid syntax");
}

std::string RuntimeErrorOf(std::vector<const char*> args) {
  try {
    Parse(std::move(args));
  } catch (const UsageError& e) {
    return std::string("usage: ") + e.what();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "no error";
}

// kubectl get's Validate, word for word; ours for the watch flags with --once.
BOOST_AUTO_TEST_CASE(printer_flag_conflicts) {
  BOOST_TEST(RuntimeErrorOf({"--show-labels", "-o", "name"}) ==
             "--show-labels option cannot be used with name printer");
  BOOST_TEST(RuntimeErrorOf({"-L", "a", "-o", "custom-columns=N:.metadata.name"}) ==
             "--label-columns option cannot be used with custom-columns=N:.metadata.name printer");
  BOOST_TEST(RuntimeErrorOf({"--once", "--output-watch-events"}) ==
             "--output-watch-events option can only be used when watching, not with --once");
  BOOST_TEST(RuntimeErrorOf({"--from-file", "x", "--watch-only"}) ==
             "--watch-only option can only be used when watching, not with --from-file");
  BOOST_TEST(RuntimeErrorOf({"--show-labels", "-o", "wide"}) == "no error");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::cli
