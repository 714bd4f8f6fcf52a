#include "kubeconfig/loader.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "kubeconfig/errors.h"
#include "temp_dir.h"

namespace pvcwatch::kubeconfig {
namespace {

namespace data = boost::unit_test::data;
using testing::TempDir;

// Three files with conflicting entries, as client-go's loader tests use them.
const char kFirst[] = R"(current-context: first-ctx
clusters:
- name: shared
  cluster: {server: https://first, insecure-skip-tls-verify: true}
- name: only-first
  cluster: {server: https://only-first}
users:
- name: shared
  user: {token: first-token}
contexts:
- name: first-ctx
  context: {cluster: shared, user: shared, namespace: first-ns}
)";
const char kSecond[] = R"(current-context: second-ctx
clusters:
- name: shared
  cluster: {server: https://second, tls-server-name: never-merged}
users:
- name: shared
  user: {token: second-token, username: never-merged}
- name: only-second
  user: {token: t2}
contexts:
- name: second-ctx
  context: {cluster: only-first, user: only-second}
)";
const char kThird[] = R"(clusters:
- name: only-third
  cluster: {server: https://third}
)";

std::string LoadError(const LoadingRules& rules) {
  try {
    Load(rules);
  } catch (const Error& e) {
    return e.KubectlText();
  }
  return "<no error>";
}

BOOST_AUTO_TEST_SUITE(loader_test)

struct PrecedenceCase {
  std::string name;
  LoadingRules rules;
  std::vector<std::string> files;
};
std::ostream& operator<<(std::ostream& os, const PrecedenceCase& c) { return os << c.name; }

BOOST_DATA_TEST_CASE(
    chooses_files_as_kubectl,
    data::make(std::vector<PrecedenceCase>{
        {"explicit path alone", {"/x/k", "/a:/b", "/home/me"}, {"/x/k"}},
        {"KUBECONFIG list in order", {"", "/a:/b", "/home/me"}, {"/a", "/b"}},
        {"duplicates removed, empty kept for skipping", {"", "/a::/b:/a", "/h"}, {"/a", "", "/b"}},
        {"home fallback", {"", "", "/home/me"}, {"/home/me/.kube/config"}},
        {"home fallback with trailing slash", {"", "", "/home/me/"}, {"/home/me/.kube/config"}},
    }),
    c) {
  BOOST_TEST(Precedence(c.rules) == c.files);
}

BOOST_AUTO_TEST_CASE(merges_first_file_wins_whole_entries) {
  TempDir dir;
  LoadingRules rules;
  rules.kubeconfig_env =
      dir.Write("1", kFirst) + ":" + dir.Write("2", kSecond) + ":" + dir.Write("3", kThird);
  Config config = Load(rules);
  BOOST_TEST(config.current_context == "first-ctx");
  BOOST_TEST(config.clusters.size() == 3u);
  BOOST_TEST(config.clusters.at("shared").server == "https://first");
  BOOST_TEST(config.clusters.at("shared").insecure_skip_tls_verify);
  // Nothing of the second file's "shared" leaks in, even fields the first lacks.
  BOOST_TEST(config.clusters.at("shared").tls_server_name == "");
  BOOST_TEST(config.auth_infos.at("shared").token == "first-token");
  BOOST_TEST(config.auth_infos.at("shared").username == "");
  BOOST_TEST(config.auth_infos.at("only-second").token == "t2");
  BOOST_TEST(config.contexts.at("second-ctx").cluster == "only-first");
  BOOST_TEST(config.clusters.at("only-third").location_of_origin == dir.path() + "/3");
  BOOST_TEST(config.clusters.at("shared").location_of_origin == dir.path() + "/1");
}

BOOST_AUTO_TEST_CASE(current_context_comes_from_the_first_file_that_sets_it) {
  TempDir dir;
  LoadingRules rules;
  rules.kubeconfig_env =
      dir.Write("3", kThird) + ":" + dir.Write("2", kSecond) + ":" + dir.Write("1", kFirst);
  BOOST_TEST(Load(rules).current_context == "second-ctx");
}

BOOST_AUTO_TEST_CASE(missing_kubeconfig_entries_are_skipped_and_listed) {
  TempDir dir;
  LoadingRules rules;
  const std::string missing = dir.path() + "/nope";
  rules.kubeconfig_env = missing + "::" + dir.Write("1", kFirst);
  Config config = Load(rules);
  BOOST_TEST(config.current_context == "first-ctx");
  BOOST_TEST(config.missing_files == std::vector<std::string>{missing});
}

BOOST_AUTO_TEST_CASE(all_missing_gives_an_empty_config) {
  TempDir dir;
  LoadingRules rules;
  rules.kubeconfig_env = dir.path() + "/a:" + dir.path() + "/b";
  Config config = Load(rules);
  BOOST_TEST(config.clusters.empty());
  BOOST_TEST(config.missing_files.size() == 2u);
}

BOOST_AUTO_TEST_CASE(missing_home_config_is_not_an_error) {
  TempDir dir;
  LoadingRules rules;
  rules.home_dir = dir.path();
  BOOST_TEST(Load(rules).contexts.empty());
}

BOOST_AUTO_TEST_CASE(home_config_is_read) {
  TempDir dir;
  dir.Write(".kube/config", kThird);
  LoadingRules rules;
  rules.home_dir = dir.path();
  BOOST_TEST(Load(rules).clusters.count("only-third") == 1u);
}

BOOST_AUTO_TEST_CASE(missing_explicit_file_is_kubectls_stat_error) {
  TempDir dir;
  LoadingRules rules;
  rules.explicit_path = dir.path() + "/missing.yaml";
  rules.kubeconfig_env = dir.Write("1", kFirst);  // never consulted
  BOOST_TEST(LoadError(rules) ==
             "error: stat " + dir.path() + "/missing.yaml: no such file or directory");
}

BOOST_AUTO_TEST_CASE(explicit_file_is_not_merged) {
  TempDir dir;
  LoadingRules rules;
  rules.explicit_path = dir.Write("3", kThird);
  rules.kubeconfig_env = dir.Write("1", kFirst);
  Config config = Load(rules);
  BOOST_TEST(config.clusters.size() == 1u);
  BOOST_TEST(config.current_context == "");
}

BOOST_AUTO_TEST_CASE(unparsable_file_is_an_error_naming_it) {
  TempDir dir;
  LoadingRules rules;
  const std::string bad = dir.Write("bad", "clusters: foo\n");
  rules.kubeconfig_env = dir.Write("1", kFirst) + ":" + bad;
  BOOST_TEST(LoadError(rules) ==
             "error: error loading config file \"" + bad + "\": clusters: expected a list");
}

BOOST_AUTO_TEST_CASE(every_bad_file_is_reported_one_per_line) {
  TempDir dir;
  LoadingRules rules;
  const std::string bad1 = dir.Write("bad1", "- a\n");
  const std::string bad2 = dir.Write("bad2", "users:\n- name: u\n  user: {token: a}\n- name: u\n");
  rules.kubeconfig_env = bad1 + ":" + bad2;
  BOOST_TEST(LoadError(rules) ==
             "error loading config file \"" + bad1 +
                 "\": the document is not a kubeconfig (expected a YAML mapping)\n"
                 "error loading config file \"" +
                 bad2 +
                 "\": error converting *[]NamedAuthInfo into *map[string]*api.AuthInfo: "
                 "duplicate name \"u\" in list");
}

BOOST_AUTO_TEST_CASE(directory_in_the_list_is_a_read_error) {
  TempDir dir;
  LoadingRules rules;
  rules.kubeconfig_env = dir.path();
  BOOST_TEST(LoadError(rules) == "error: error loading config file \"" + dir.path() + "\": read " +
                                     dir.path() + ": is a directory");
}

BOOST_AUTO_TEST_CASE(relative_paths_resolve_against_the_defining_file) {
  TempDir dir;
  const std::string first = dir.Write("a/config", R"(clusters:
- name: c
  cluster: {server: https://h, certificate-authority: ca.crt}
users:
- name: u
  user:
    client-certificate: certs/../certs/u.crt
    client-key: ./u.key
    tokenFile: token
    exec: {command: ./bin/plugin, apiVersion: client.authentication.k8s.io/v1}
- name: on-path
  user:
    exec: {command: aws, apiVersion: client.authentication.k8s.io/v1beta1}
- name: absolute
  user: {client-certificate: /etc/u.crt, client-key: /etc/u.key}
)");
  const std::string second = dir.Write("b/config", R"(clusters:
- name: other
  cluster: {server: https://o, certificate-authority: ../ca/other.crt}
)");
  LoadingRules rules;
  rules.kubeconfig_env = first + ":" + second;
  Config config = Load(rules);
  BOOST_TEST(config.clusters.at("c").certificate_authority == dir.path() + "/a/ca.crt");
  BOOST_TEST(config.clusters.at("other").certificate_authority == dir.path() + "/ca/other.crt");
  const AuthInfo& user = config.auth_infos.at("u");
  BOOST_TEST(user.client_certificate == dir.path() + "/a/certs/u.crt");
  BOOST_TEST(user.client_key == dir.path() + "/a/u.key");
  BOOST_TEST(user.token_file == dir.path() + "/a/token");
  BOOST_TEST(user.exec->command == dir.path() + "/a/bin/plugin");
  BOOST_TEST(config.auth_infos.at("on-path").exec->command == "aws");
  BOOST_TEST(config.auth_infos.at("absolute").client_certificate == "/etc/u.crt");
}

BOOST_AUTO_TEST_CASE(relative_kubeconfig_path_resolves_from_the_working_directory) {
  TempDir dir;
  dir.Write("k/config", "clusters:\n- name: c\n  cluster: {certificate-authority: ca.crt}\n");
  const std::filesystem::path saved = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  LoadingRules rules;
  rules.explicit_path = "k/config";
  Config config = Load(rules);
  std::filesystem::current_path(saved);
  BOOST_TEST(config.clusters.at("c").certificate_authority ==
             std::filesystem::canonical(dir.path()).string() + "/k/ca.crt");
}

BOOST_AUTO_TEST_CASE(load_file_reports_a_missing_file_as_go_does) {
  TempDir dir;
  try {
    LoadFile(dir.path() + "/none");
    BOOST_FAIL("expected an error");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()) == "open " + dir.path() + "/none: no such file or directory");
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::kubeconfig
