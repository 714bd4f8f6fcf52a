#include "kubeconfig/errors.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cerrno>
#include <string>

#include "go/os.h"

namespace pvcwatch::kubeconfig {
namespace {

BOOST_AUTO_TEST_SUITE(errors_test)

BOOST_AUTO_TEST_CASE(plain_error_gets_kubectls_error_prefix_once) {
  BOOST_TEST(Error("context \"x\" does not exist").KubectlText() ==
             "error: context \"x\" does not exist");
  BOOST_TEST(Error("error: already prefixed").KubectlText() == "error: already prefixed");
}

BOOST_AUTO_TEST_CASE(invalid_configuration_with_one_cause_is_one_line) {
  Error e = Error::ConfigurationInvalid({"context was not found for specified context: x"});
  BOOST_TEST(std::string(e.what()) ==
             "invalid configuration: context was not found for specified context: x");
  BOOST_TEST(e.KubectlText() ==
             "Error in configuration: context was not found for specified context: x");
  BOOST_TEST(!e.empty_config());
  // Any other lone cause is unwrapped by kubectl's checkErr and printed as a plain error.
  BOOST_TEST(Error::ConfigurationInvalid({"no server found for cluster \"c\""}).KubectlText() ==
             "error: no server found for cluster \"c\"");
}

BOOST_AUTO_TEST_CASE(invalid_configuration_with_causes_is_a_bullet_list) {
  Error e = Error::ConfigurationInvalid({"a", "b", "a"});
  BOOST_TEST(std::string(e.what()) == "invalid configuration: [a, b]");
  BOOST_TEST(e.KubectlText() == "Error in configuration: \n* a\n* b\n* a");
}

BOOST_AUTO_TEST_CASE(empty_config_is_recognisable) {
  Error e = Error::EmptyConfig();
  BOOST_TEST(e.empty_config());
  BOOST_TEST(e.KubectlText() ==
             "Error in configuration: no configuration has been provided, try setting "
             "KUBERNETES_MASTER environment variable");
}

BOOST_AUTO_TEST_CASE(aggregate_of_one_is_unwrapped_and_of_many_one_per_line) {
  BOOST_TEST(Error::Aggregate({"only"}).KubectlText() == "error: only");
  BOOST_TEST(Error::Aggregate({"one", "two"}).KubectlText() == "one\ntwo");
  BOOST_TEST(std::string(Error::Aggregate({"one", "two"}).what()) == "[one, two]");
}

BOOST_AUTO_TEST_CASE(go_quote_escapes_like_strconv_quote) {
  BOOST_TEST(go::Quote("plain") == "\"plain\"");
  BOOST_TEST(go::Quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
  BOOST_TEST(go::Quote("tab\tnl\n\x01") == "\"tab\\tnl\\n\\x01\"");
  BOOST_TEST(go::Quote("h\xC3\xA9") == "\"h\xC3\xA9\"");
}

BOOST_AUTO_TEST_CASE(errno_text_is_go_lower_case) {
  BOOST_TEST(go::ErrnoText(ENOENT) == "no such file or directory");
  BOOST_TEST(go::ErrnoText(EACCES) == "permission denied");
  BOOST_TEST(go::ErrnoText(EISDIR) == "is a directory");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::kubeconfig
