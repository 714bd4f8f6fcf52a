#include "rest/exec_credential.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace pvcwatch::rest {
namespace {

namespace data = boost::unit_test::data;

constexpr char kV1[] = "client.authentication.k8s.io/v1";
constexpr char kV1beta1[] = "client.authentication.k8s.io/v1beta1";

struct RejectCase {
  std::string name;
  std::string output;
  std::string expected;  // checked against kubectl v1.37.2 with the same plugin output
};
std::ostream& operator<<(std::ostream& os, const RejectCase& c) { return os << c.name; }

const std::string kProbeType =
    " into Go value of type struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; "
    "Kind string \"json:\\\"kind,omitempty\\\"\" }";

const std::vector<RejectCase> kRejectCases = {
    {"plain text", "garbage\n",
     "decoding stdout: couldn't get version/kind; json parse error: json: cannot unmarshal "
     "string" +
         kProbeType},
    {"a number", "42",
     "decoding stdout: couldn't get version/kind; json parse error: json: "
     "cannot unmarshal number" +
         kProbeType},
    {"an array", "[1]",
     "decoding stdout: couldn't get version/kind; json parse error: json: "
     "cannot unmarshal array" +
         kProbeType},
    {"a boolean", "true",
     "decoding stdout: couldn't get version/kind; json parse error: json: "
     "cannot unmarshal bool" +
         kProbeType},
    {"nothing", "",
     "exec plugin is configured to use API version client.authentication.k8s.io/v1, plugin "
     "returned version client.authentication.k8s.io/__internal"},
    {"empty object", "{}",
     "exec plugin is configured to use API version client.authentication.k8s.io/v1, plugin "
     "returned version client.authentication.k8s.io/__internal"},
    {"no apiVersion", R"({"kind":"ExecCredential","status":{"token":"x"}})",
     "exec plugin is configured to use API version client.authentication.k8s.io/v1, plugin "
     "returned version client.authentication.k8s.io/__internal"},
    {"apiVersion not a string", R"({"apiVersion":5,"kind":"ExecCredential"})",
     "decoding stdout: couldn't get version/kind; json parse error: json: cannot unmarshal "
     "number into Go struct field .apiVersion of type string"},
    {"no status", R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential"})",
     "exec plugin didn't return a status field"},
    {"other registered version",
     R"({"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential",)"
     R"("status":{"token":"x"}})",
     "exec plugin is configured to use API version client.authentication.k8s.io/v1, plugin "
     "returned version client.authentication.k8s.io/v1beta1"},
    {"removed v1alpha1",
     R"({"apiVersion":"client.authentication.k8s.io/v1alpha1","kind":"ExecCredential",)"
     R"("status":{"token":"x"}})",
     "decoding stdout: no kind \"ExecCredential\" is registered for version "
     "\"client.authentication.k8s.io/v1alpha1\" in scheme \"pkg/runtime/scheme.go:111\""},
    {"wrong kind",
     R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"Foo","status":{"token":"x"}})",
     "decoding stdout: no kind \"Foo\" is registered for version "
     "\"client.authentication.k8s.io/v1\" in scheme \"pkg/runtime/scheme.go:111\""},
    {"core version", R"({"apiVersion":"v1","status":{"token":"x"}})",
     "decoding stdout: no kind \"ExecCredential\" is registered for version \"v1\" in scheme "
     "\"pkg/runtime/scheme.go:111\""},
    {"empty status", R"({"apiVersion":"client.authentication.k8s.io/v1","status":{}})",
     "exec plugin didn't return a token or cert/key pair"},
    {"certificate only",
     R"({"apiVersion":"client.authentication.k8s.io/v1","status":{"clientCertificateData":"x"}})",
     "exec plugin returned only certificate or key, not both"},
    {"status not an object",
     R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":"x"})",
     "decoding stdout: json: cannot unmarshal string into Go struct field ExecCredential.status "
     "of type v1.ExecCredentialStatus"},
    {"status not an object, other version (type errors come first)",
     R"({"apiVersion":"client.authentication.k8s.io/v1beta1","status":7})",
     "decoding stdout: json: cannot unmarshal number into Go struct field ExecCredential.status "
     "of type v1beta1.ExecCredentialStatus"},
    {"token not a string",
     R"({"apiVersion":"client.authentication.k8s.io/v1","status":{"token":5}})",
     "decoding stdout: json: cannot unmarshal number into Go struct field "
     "ExecCredentialStatus.status.token of type string"},
    {"expiration not a string",
     R"({"apiVersion":"client.authentication.k8s.io/v1","status":{"token":"x",)"
     R"("expirationTimestamp":5}})",
     "decoding stdout: json: cannot unmarshal number into Go struct field "
     "ExecCredentialStatus.status.expirationTimestamp of type string"},
    {"expiration not a time",
     R"({"apiVersion":"client.authentication.k8s.io/v1","status":{"token":"x",)"
     R"("expirationTimestamp":"yesterday"}})",
     "decoding stdout: parsing time \"yesterday\" as \"2006-01-02T15:04:05Z07:00\": cannot "
     "parse \"yesterday\" as \"2006\""},
};

BOOST_AUTO_TEST_SUITE(exec_credential_test)

BOOST_DATA_TEST_CASE(rejects_output_with_client_go_messages, data::make(kRejectCases), c) {
  try {
    ParseExecCredential(c.output, kV1);
    BOOST_FAIL("accepted " + c.output);
  } catch (const ExecError& e) {
    BOOST_TEST(e.what() == c.expected);
  }
}

BOOST_AUTO_TEST_CASE(reads_token_and_expiration) {
  ExecCredential c = ParseExecCredential(
      R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",)"
      R"("status":{"token":"t0k","expirationTimestamp":"2030-01-02T03:04:05Z"}})",
      kV1);
  BOOST_TEST(c.token == "t0k");
  BOOST_REQUIRE(c.expiration.has_value());
  BOOST_TEST(
      std::chrono::duration_cast<std::chrono::seconds>(c.expiration->time_since_epoch()).count() ==
      1893553445);
}

BOOST_AUTO_TEST_CASE(reads_certificate_pair_without_kind_and_null_expiration) {
  // kind may be left out: the decoder takes it from the type it decodes into.
  ExecCredential c = ParseExecCredential(
      R"({"apiVersion":"client.authentication.k8s.io/v1beta1","status":{)"
      R"("clientCertificateData":"CERT","clientKeyData":"KEY","expirationTimestamp":null}})",
      kV1beta1);
  BOOST_TEST(c.token.empty());
  BOOST_TEST(c.client_certificate_data == "CERT");
  BOOST_TEST(c.client_key_data == "KEY");
  BOOST_TEST(!c.expiration.has_value());
}

BOOST_AUTO_TEST_CASE(accepts_yaml_output) {
  ExecCredential c = ParseExecCredential(
      "apiVersion: client.authentication.k8s.io/v1\nkind: ExecCredential\nstatus: {token: abc}\n",
      kV1);
  BOOST_TEST(c.token == "abc");
}

BOOST_AUTO_TEST_CASE(exec_info_without_cluster) {
  BOOST_TEST(ExecInfo(kV1, false, nullptr) ==
             "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\","
             "\"spec\":{\"interactive\":false}}\n");
  BOOST_TEST(ExecInfo(kV1beta1, true, nullptr) ==
             "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/"
             "v1beta1\",\"spec\":{\"interactive\":true}}\n");
}

BOOST_AUTO_TEST_CASE(exec_info_with_minimal_cluster_keeps_config_null) {
  ExecClusterInfo cluster;
  cluster.server = "https://127.0.0.1:6443";
  cluster.certificate_authority_data = "PEM";
  BOOST_TEST(ExecInfo(kV1, false, &cluster) ==
             "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\","
             "\"spec\":{\"cluster\":{\"server\":\"https://127.0.0.1:6443\","
             "\"certificate-authority-data\":\"UEVN\",\"config\":null},\"interactive\":false}}\n");
}

BOOST_AUTO_TEST_CASE(exec_info_with_every_cluster_field_in_client_go_order) {
  ExecClusterInfo cluster;
  cluster.server = "https://k8s.example/a?b=<c>&d";
  cluster.tls_server_name = "kubernetes";
  cluster.insecure_skip_tls_verify = true;
  cluster.proxy_url = "http://127.0.0.1:1";
  cluster.config_json = R"({"audience":"foo"})";
  BOOST_TEST(ExecInfo(kV1beta1, false, &cluster) ==
             "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/"
             "v1beta1\",\"spec\":{\"cluster\":{\"server\":\"https://k8s.example/a?b=\\u003cc"
             "\\u003e\\u0026d\",\"tls-server-name\":\"kubernetes\",\"insecure-skip-tls-verify"
             "\":true,\"proxy-url\":\"http://127.0.0.1:1\",\"config\":{\"audience\":\"foo\"}},"
             "\"interactive\":false}}\n");
}

BOOST_AUTO_TEST_CASE(exec_info_escapes_as_go_does) {
  ExecClusterInfo cluster;
  cluster.server = std::string("q\"\\\n\t\x01\xE2\x80\xA8\xC3\xA9\xFF", 12);
  std::string info = ExecInfo(kV1, false, &cluster);
  BOOST_TEST(info.find(R"("server":"q\"\\\n\t\u0001\u2028)"
                       "\xC3\xA9"
                       R"(\ufffd")") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(base64_pads_like_go) {
  ExecClusterInfo cluster;
  cluster.server = "s";
  for (auto [ca, encoded] : std::vector<std::pair<std::string, std::string>>{
           {"a", "YQ=="}, {"ab", "YWI="}, {"abc", "YWJj"}, {"abcd", "YWJjZA=="}}) {
    cluster.certificate_authority_data = ca;
    BOOST_TEST(
        ExecInfo(kV1, false, &cluster).find("\"certificate-authority-data\":\"" + encoded + "\"") !=
        std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::rest
