#include "cli/completion.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "cli/flags.h"
#include "cli/help.h"
#include "cli/parse_options.h"

namespace pvcwatch::cli {
namespace {

namespace data = boost::unit_test::data;
using Words = std::vector<std::string>;

// One table row: the words typed and what completion should offer (or ask kubectl).
struct Case {
  Words args;
  Words expected;
  friend std::ostream& operator<<(std::ostream& out, const Case& c) {
    out << "kubectl pvcwatch";
    for (const std::string& w : c.args) out << " '" << w << "'";
    return out;
  }
};

// A kubectl that records what it was asked and answers with a fixed list.
struct FakeKubectl {
  std::vector<Words> calls;
  Completion answer{{"default", "team-a"}, kDirectiveNoFileComp};

  KubectlCompleter Completer() {
    return [this](const Words& args) {
      calls.push_back(args);
      return answer;
    };
  }
};

// The candidates without their descriptions.
Words Names(const Completion& completion) {
  Words names;
  for (const std::string& c : completion.candidates) names.push_back(c.substr(0, c.find('\t')));
  return names;
}

Completion CompleteWithoutKubectl(const Words& args) {
  return Complete(args, [](const Words& asked) -> Completion {
    BOOST_FAIL("kubectl asked: " + asked.back());
    return {};
  });
}

BOOST_AUTO_TEST_SUITE(completion_test)

BOOST_AUTO_TEST_CASE(every_flag_is_one_parse_options_accepts) {
  for (const Flag& flag : Flags()) {
    const std::string value = flag.name == "output"            ? "json"
                              : flag.name == "max-claims"      ? "1Gi"
                              : flag.name == "v"               ? "2"
                              : flag.name == "chunk-size"      ? "1"
                              : flag.name == "count"           ? "quota"
                              : flag.name == "warn-at"         ? "80%"
                              : flag.name == "cooldown"        ? "5m"
                              : flag.name == "webhook"         ? "https://example.com/hook"
                              : flag.name == "webhook-format"  ? "slack"
                              : flag.name == "webhook-timeout" ? "2s"
                                                               : "x";
    std::vector<std::string> words = {"kubectl-pvcwatch", "--" + flag.name};
    if (flag.type != FlagType::kBool) words.push_back(value);
    if (flag.shorthand != 0) {
      words.push_back(std::string("-") + flag.shorthand);
      if (flag.type != FlagType::kBool) words.push_back(value);
    }
    std::vector<const char*> argv;
    for (const std::string& w : words) argv.push_back(w.c_str());
    BOOST_TEST_CONTEXT("--" << flag.name) {
      BOOST_CHECK_NO_THROW(ParseOptions(static_cast<int>(argv.size()), argv.data()));
    }
  }
}

BOOST_AUTO_TEST_CASE(flags_are_the_ones_help_describes) {
  std::set<std::string> described = {"help"};  // cobra's -h/--help, not listed by kubectl
  const std::string help = HelpText();
  std::regex line(R"(\n    (?:-\w, )?--([\w-]+)=\S*:\n\t\S)");
  for (auto it = std::sregex_iterator(help.begin(), help.end(), line); it != std::sregex_iterator();
       ++it) {
    described.insert((*it)[1]);
  }
  std::set<std::string> completed;
  for (const Flag& flag : Flags()) completed.insert(flag.name);
  BOOST_TEST(completed == described, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(flags_are_in_name_order_long_before_short) {
  Words names = Names(CompleteWithoutKubectl({"-"}));
  BOOST_TEST(names.size() == Flags().size() + 8);  // eight have a shorthand
  BOOST_TEST((Words(names.begin(), names.begin() + 3) ==
              Words{"--all-namespaces", "-A", "--allow-missing-template-keys"}));
  BOOST_TEST(names.back() == "--webhook-timeout");
}

BOOST_DATA_TEST_CASE(flag_names,
                     data::make(std::vector<Case>{
                         {{"--c"},
                          {"--certificate-authority", "--chunk-size", "--client-certificate",
                           "--client-key", "--cluster", "--context", "--cooldown", "--count"}},
                         {{"-o", "json", "--o"}, {"--once", "--output-watch-events"}},
                         {{"--once", "--o"}, {"--output", "--output-watch-events"}},
                         {{"-An", "x", "-"},
                          {"--allow-missing-template-keys",
                           "--as",
                           "--as-group",
                           "--certificate-authority",
                           "--chunk-size",
                           "--client-certificate",
                           "--client-key",
                           "--cluster",
                           "--context",
                           "--cooldown",
                           "--count",
                           "--exec",
                           "--field-selector",
                           "--from-file",
                           "--help",
                           "-h",
                           "--insecure-skip-tls-verify",
                           "--kubeconfig",
                           "--label-columns",
                           "-L",
                           "--max-claims",
                           "--metrics-addr",
                           "--no-headers",
                           "--once",
                           "--output",
                           "-o",
                           "--output-watch-events",
                           "--password",
                           "--record-events",
                           "--request-timeout",
                           "--selector",
                           "-l",
                           "--server",
                           "-s",
                           "--show-kind",
                           "--show-labels",
                           "--sort-by",
                           "--tls-server-name",
                           "--token",
                           "--user",
                           "--username",
                           "--v",
                           "-v",
                           "--version",
                           "--warn-at",
                           "--watch-only",
                           "--webhook",
                           "--webhook-ca",
                           "--webhook-format",
                           "--webhook-timeout"}},
                         {{"--as-group", "a", "--as"}, {"--as", "--as-group"}},
                         {{"--namespace=x", "--n"}, {"--no-headers"}},
                         {{"-n"}, {"-n"}}}),
                     c) {
  Completion completion = CompleteWithoutKubectl(c.args);
  BOOST_TEST(Names(completion) == c.expected, boost::test_tools::per_element());
  BOOST_TEST(completion.directive == kDirectiveNoFileComp);
}

BOOST_AUTO_TEST_CASE(flag_names_carry_the_usage) {
  Completion completion = CompleteWithoutKubectl({"--na"});
  BOOST_TEST(completion.candidates ==
             Words{"--namespace\tIf present, the namespace scope for this CLI request"});
}

// kubectl's order (get's PrintFlags.AllowedFormats), less the Go templates.
const Words kOutputFormats = {"json",
                              "yaml",
                              "name",
                              "jsonpath",
                              "jsonpath-as-json",
                              "jsonpath-file",
                              "custom-columns",
                              "custom-columns-file",
                              "wide"};

BOOST_DATA_TEST_CASE(values_completed_here,
                     data::make(std::vector<Case>{
                         {{"-o", ""}, kOutputFormats},
                         {{"--output", "y"}, {"yaml"}},
                         {{"--output=j"},
                          {"json", "jsonpath", "jsonpath-as-json", "jsonpath-file"}},
                         {{"-o=w"}, {"wide"}},
                         {{"-Ao", ""}, kOutputFormats},
                         {{"--max-claims", "q"}, {"quota"}},
                         {{"--max-claims", ""}, {"200Gi", "quota"}}}),
                     c) {
  Completion completion = CompleteWithoutKubectl(c.args);
  BOOST_TEST(Names(completion) == c.expected, boost::test_tools::per_element());
  BOOST_TEST(completion.directive == kDirectiveNoFileComp);
}

BOOST_DATA_TEST_CASE(nothing_to_offer,
                     data::make(std::vector<Case>{{{""}, {}},
                                                  {{"--once", ""}, {}},
                                                  {{"-A", "x"}, {}},
                                                  {{"--help", "-"}, {}},
                                                  {{"-h", "--"}, {}},
                                                  {{"--version", "-o", ""}, {}},
                                                  {{"--", "-"}, {}},
                                                  {{"-l", ""}, {}},
                                                  {{"--token", ""}, {}},
                                                  {{"--once=", ""}, {}},
                                                  {{"--bogus=x"}, {}}}),
                     c) {
  Completion completion = CompleteWithoutKubectl(c.args);
  BOOST_TEST(completion.candidates.empty());
  BOOST_TEST(completion.directive == kDirectiveNoFileComp);
}

BOOST_AUTO_TEST_CASE(help_false_does_not_stop_completion) {
  BOOST_TEST(Names(CompleteWithoutKubectl({"--help=false", "--onc"})) == Words{"--once"});
}

BOOST_DATA_TEST_CASE(file_values_are_left_to_the_shell,
                     data::make(std::vector<std::string>{
                         "--kubeconfig", "--from-file", "--certificate-authority",
                         "--client-certificate", "--client-key", "--exec"}),
                     flag) {
  Completion completion = CompleteWithoutKubectl({flag, "so"});
  BOOST_TEST(completion.candidates.empty());
  BOOST_TEST(completion.directive == kDirectiveDefault);
}

// The expected words are the flag kubectl is asked about.
BOOST_DATA_TEST_CASE(kubectl_completes_its_own_flags,
                     data::make(std::vector<Case>{{{"-n", "te"}, {"--namespace"}},
                                                  {{"--namespace=te"}, {"--namespace"}},
                                                  {{"-n=te"}, {"--namespace"}},
                                                  {{"-An", "te"}, {"--namespace"}},
                                                  {{"--context", "te"}, {"--context"}},
                                                  {{"--cluster", "te"}, {"--cluster"}},
                                                  {{"--user=te"}, {"--user"}}}),
                     c) {
  FakeKubectl kubectl;
  Completion completion = Complete(c.args, kubectl.Completer());
  BOOST_TEST(completion.candidates == kubectl.answer.candidates);
  BOOST_TEST(completion.directive == kubectl.answer.directive);
  BOOST_REQUIRE(kubectl.calls.size() == 1u);
  BOOST_TEST(kubectl.calls[0] ==
                 (Words{"__complete", "get", "persistentvolumeclaims", c.expected[0], "te"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(connection_flags_typed_so_far_go_to_kubectl) {
  FakeKubectl kubectl;
  Complete({"--kubeconfig", "/k", "--once", "-o", "json", "--context=c", "--as-group", "g1",
            "--as-group=g2", "-l", "a=b", "--insecure-skip-tls-verify", "-s", "https://h", "-v",
            "3", "-n", ""},
           kubectl.Completer());
  BOOST_REQUIRE(kubectl.calls.size() == 1u);
  BOOST_TEST(kubectl.calls[0] == (Words{"__complete", "get", "persistentvolumeclaims",
                                        "--kubeconfig=/k", "--context=c", "--as-group=g1",
                                        "--as-group=g2", "--insecure-skip-tls-verify=true",
                                        "--server=https://h", "--namespace", ""}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_kubectl_failure_is_passed_on) {
  FakeKubectl kubectl;
  kubectl.answer = Completion{{}, kDirectiveError};
  Completion completion = Complete({"--context", ""}, kubectl.Completer());
  BOOST_TEST(completion.directive == kDirectiveError);
}

BOOST_AUTO_TEST_CASE(format_and_parse) {
  Completion completion{{"--once\tList once.", "-o\tOutput."}, kDirectiveNoFileComp};
  BOOST_TEST(FormatCompletion(completion) == "--once\tList once.\n-o\tOutput.\n:4\n");
  Completion parsed = ParseCompletion(FormatCompletion(completion));
  BOOST_TEST(parsed.candidates == completion.candidates);
  BOOST_TEST(parsed.directive == kDirectiveNoFileComp);
  BOOST_TEST(FormatCompletion(Completion{}) == ":0\n");
}

BOOST_AUTO_TEST_CASE(parse_as_kubectl_reads_plugins) {
  // Empty lines are skipped; without a directive line the directive is the default.
  Completion parsed = ParseCompletion("a\n\nb\n");
  BOOST_TEST(parsed.candidates == (Words{"a", "b"}));
  BOOST_TEST(parsed.directive == kDirectiveDefault);
  parsed = ParseCompletion("a\n:x\n");
  BOOST_TEST(parsed.candidates == (Words{"a", ":x"}));
  parsed = ParseCompletion(":36");
  BOOST_TEST(parsed.candidates.empty());
  BOOST_TEST(parsed.directive == 36);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::cli
