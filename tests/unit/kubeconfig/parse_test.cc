#include "kubeconfig/parse.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "kubeconfig/errors.h"

namespace pvcwatch::kubeconfig {
namespace {

namespace data = boost::unit_test::data;

struct ErrorCase {
  std::string name;
  std::string yaml;
  std::string message;
};
std::ostream& operator<<(std::ostream& os, const ErrorCase& c) { return os << c.name; }

std::string ParseError(const std::string& yaml) {
  try {
    Parse(yaml, "/k/config");
  } catch (const Error& e) {
    return e.what();
  }
  return "<no error>";
}

const std::vector<ErrorCase> kErrorCases = {
    {"duplicate extension name",
     "clusters:\n- name: a\n  cluster:\n    extensions:\n    - {name: e, extension: {}}\n"
     "    - {name: e}\n",
     "error converting *[]NamedExtension into *map[string]runtime.Object: duplicate name \"e\" "
     "in list"},
    {"duplicate cluster name",
     "clusters:\n- name: a\n  cluster: {server: https://one}\n"
     "- name: a\n  cluster: {server: https://two}\n",
     "error converting *[]NamedCluster into *map[string]*api.Cluster: duplicate name \"a\" in "
     "list"},
    {"duplicate user name", "users:\n- name: u\n  user: {token: secret}\n- name: u\n",
     "error converting *[]NamedAuthInfo into *map[string]*api.AuthInfo: duplicate name \"u\" "
     "in list"},
    {"duplicate context name", "contexts:\n- name: x\n- name: x\n",
     "error converting *[]NamedContext into *map[string]*api.Context: duplicate name \"x\" in "
     "list"},
    {"bad base64 names field and user", "users:\n- name: u\n  user:\n    client-key-data: QUJD!\n",
     "user \"u\": client-key-data: illegal base64 data at input byte 4"},
    {"folded plain scalar base64 gets a space, as in Go",
     "clusters:\n- name: c\n  cluster:\n    certificate-authority-data: QUJD\n      REVG\n",
     "cluster \"c\": certificate-authority-data: illegal base64 data at input byte 4"},
    {"clusters not a list", "clusters: foo\n", "clusters: expected a list"},
    {"server not a string", "clusters:\n- name: c\n  cluster:\n    server: {a: b}\n",
     "cluster \"c\": server: expected a string"},
    {"boolean not a boolean",
     "clusters:\n- name: c\n  cluster:\n    insecure-skip-tls-verify: maybe\n",
     "cluster \"c\": insecure-skip-tls-verify: expected a boolean"},
    {"quoted true is a string, as client-go's JSON decoding sees it",
     "clusters:\n- name: c\n  cluster:\n    insecure-skip-tls-verify: \"true\"\n",
     "cluster \"c\": insecure-skip-tls-verify: expected a boolean"},
    {"document not a mapping", "just some text\n",
     "the document is not a kubeconfig (expected a YAML mapping)"},
    {"yaml syntax error has Go's line prefix", "clusters:\n- name: [a\n",
     "yaml: line 3: end of sequence flow not found"},
    {"exec env not a list", "users:\n- name: u\n  user:\n    exec:\n      env: x\n",
     "user \"u\": exec: env: expected a list"},
};

BOOST_AUTO_TEST_SUITE(parse_test)

BOOST_DATA_TEST_CASE(rejects_with_named_entry, data::make(kErrorCases), c) {
  BOOST_TEST(ParseError(c.yaml) == c.message);
}

BOOST_AUTO_TEST_CASE(reads_every_field_of_the_v1_format) {
  Config config = Parse(R"(apiVersion: v1
kind: Config
current-context: dev
preferences: {}
clusters:
- name: prod
  cluster:
    server: https://10.0.0.1:6443
    tls-server-name: api.internal
    insecure-skip-tls-verify: yes
    certificate-authority: ca.crt
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJU
    proxy-url: http://proxy:3128
    disable-compression: true
    extensions:
    - name: client.authentication.k8s.io/exec
      extension: {audience: x}
users:
- name: alice
  user:
    client-certificate: alice.crt
    client-key: alice.key
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
    token: 0123
    tokenFile: token.txt
    as: bob
    as-uid: "42"
    as-groups: [g1, g2]
    as-user-extra: {scopes: [a, b]}
    username: u
    password: p
    auth-provider:
      name: oidc
      config: {idp-issuer-url: https://issuer}
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: ./bin/get-token
      args: [--cluster, prod]
      env:
      - name: A
        value: "1"
      installHint: install it
      provideClusterInfo: true
contexts:
- name: dev
  context:
    cluster: prod
    user: alice
    namespace: team
)",
                        "/k/config");
  BOOST_TEST(config.current_context == "dev");
  const Cluster& cluster = config.clusters.at("prod");
  BOOST_TEST(cluster.server == "https://10.0.0.1:6443");
  BOOST_TEST(cluster.tls_server_name == "api.internal");
  BOOST_TEST(cluster.insecure_skip_tls_verify);
  BOOST_TEST(cluster.certificate_authority == "ca.crt");  // the loader resolves paths
  BOOST_TEST(cluster.certificate_authority_data == "-----BEGIN CERT");
  BOOST_TEST(cluster.proxy_url == "http://proxy:3128");
  BOOST_TEST(cluster.disable_compression);
  BOOST_TEST(cluster.location_of_origin == "/k/config");

  const AuthInfo& user = config.auth_infos.at("alice");
  BOOST_TEST(user.client_certificate == "alice.crt");
  BOOST_TEST(user.client_key == "alice.key");
  BOOST_TEST(user.client_certificate_data == "CERT");
  BOOST_TEST(user.client_key_data == "KEY");
  BOOST_TEST(user.token == "0123");  // a number-looking token stays text
  BOOST_TEST(user.token_file == "token.txt");
  BOOST_TEST(user.impersonate == "bob");
  BOOST_TEST(user.impersonate_uid == "42");
  BOOST_TEST(user.impersonate_groups == (std::vector<std::string>{"g1", "g2"}));
  BOOST_TEST(user.impersonate_user_extra.at("scopes") == (std::vector<std::string>{"a", "b"}));
  BOOST_TEST(user.username == "u");
  BOOST_TEST(user.password == "p");
  BOOST_TEST_REQUIRE(user.auth_provider.has_value());
  BOOST_TEST(user.auth_provider->name == "oidc");
  BOOST_TEST(user.auth_provider->config.at("idp-issuer-url") == "https://issuer");
  BOOST_TEST_REQUIRE(user.exec.has_value());
  BOOST_TEST(user.exec->command == "./bin/get-token");
  BOOST_TEST(user.exec->args == (std::vector<std::string>{"--cluster", "prod"}));
  BOOST_TEST(user.exec->env.size() == 1u);
  BOOST_TEST(user.exec->env[0].first == "A");
  BOOST_TEST(user.exec->env[0].second == "1");
  BOOST_TEST(user.exec->api_version == "client.authentication.k8s.io/v1beta1");
  BOOST_TEST(user.exec->install_hint == "install it");
  BOOST_TEST(user.exec->provide_cluster_info);
  BOOST_TEST(user.exec->interactive_mode == "IfAvailable");  // v1beta1 default

  const Context& context = config.contexts.at("dev");
  BOOST_TEST(context.cluster == "prod");
  BOOST_TEST(context.user == "alice");
  BOOST_TEST(context.namespace_name == "team");
}

BOOST_DATA_TEST_CASE(null_values_are_empty_not_the_text_null,
                     data::make(std::vector<std::string>{"server:", "server: ~", "server: null",
                                                         "server: Null"}),
                     line) {
  Config config = Parse("clusters:\n- name: c\n  cluster:\n    " + line + "\n", "/k");
  BOOST_TEST(config.clusters.at("c").server == "");
}

BOOST_AUTO_TEST_CASE(cluster_exec_extension_is_kept_as_compact_json) {
  Config config = Parse(R"(clusters:
- name: c
  cluster:
    server: https://x
    extensions:
    - name: other
      extension: {a: 1}
    - name: client.authentication.k8s.io/exec
      extension: {z: "<&>", a: [1, 2.50, yes, '1'], n: ~}
- name: d
  cluster:
    extensions:
    - name: client.authentication.k8s.io/exec
      extension: null
)",
                        "/k");
  BOOST_TEST(config.clusters.at("c").exec_extension ==
             R"({"a":[1,2.5,true,"1"],"n":null,"z":"\u003c\u0026\u003e"})");
  BOOST_TEST(config.clusters.at("d").exec_extension.empty());
}

BOOST_AUTO_TEST_CASE(quoted_null_is_text) {
  Config config = Parse("clusters:\n- name: c\n  cluster:\n    server: \"null\"\n", "/k");
  BOOST_TEST(config.clusters.at("c").server == "null");
}

BOOST_AUTO_TEST_CASE(repeated_key_keeps_the_last_value_as_go_yaml_does) {
  Config config = Parse("current-context: a\ncurrent-context: b\n", "/k");
  BOOST_TEST(config.current_context == "b");
}

BOOST_AUTO_TEST_CASE(empty_and_comment_only_documents_are_empty_configs) {
  BOOST_TEST(Parse("", "/k").clusters.empty());
  Config config = Parse("# nothing here\n", "/k");
  BOOST_TEST(config.contexts.empty());
  BOOST_TEST(config.current_context == "");
}

BOOST_AUTO_TEST_CASE(null_lists_and_entries_are_empty) {
  Config config = Parse("clusters:\nusers: ~\ncontexts:\n- name: x\n  context:\n", "/k");
  BOOST_TEST(config.clusters.empty());
  BOOST_TEST(config.auth_infos.empty());
  BOOST_TEST(config.contexts.at("x").cluster == "");
}

BOOST_AUTO_TEST_CASE(block_scalar_base64_may_span_lines) {
  Config config =
      Parse("users:\n- name: u\n  user:\n    client-key-data: |\n      QUJD\n      REVG\n", "/k");
  BOOST_TEST(config.auth_infos.at("u").client_key_data == "ABCDEF");
}

BOOST_AUTO_TEST_CASE(exec_v1_keeps_an_unset_interactive_mode) {
  Config config = Parse(
      "users:\n- name: u\n  user:\n    exec:\n      apiVersion: "
      "client.authentication.k8s.io/v1\n      command: x\n",
      "/k");
  BOOST_TEST(config.auth_infos.at("u").exec->interactive_mode == "");
}

BOOST_AUTO_TEST_CASE(json_kubeconfig_is_accepted) {
  Config config =
      Parse(R"({"clusters":[{"name":"c","cluster":{"server":"https://h"}}],"current-context":"x"})",
            "/k");
  BOOST_TEST(config.clusters.at("c").server == "https://h");
  BOOST_TEST(config.current_context == "x");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::kubeconfig
