#include "rest/system_roots.h"

#include <boost/test/data/test_case.hpp>
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "plugin_dir.h"

namespace pvcwatch::rest {
namespace {

namespace data = boost::unit_test::data;
using testing::PluginDir;

const std::vector<std::string> kGoLinuxFiles = {
    "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/ca-bundle.pem",             "/etc/pki/tls/cacert.pem",
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", "/etc/ssl/cert.pem"};
const std::vector<std::string> kGoLinuxDirectories = {"/etc/ssl/certs", "/etc/pki/tls/certs"};

struct EnvCase {
  const char* ssl_cert_file;
  const char* ssl_cert_dir;
  std::vector<std::string> files;
  std::vector<std::string> directories;
};
std::ostream& operator<<(std::ostream& os, const EnvCase& c) {
  return os << (c.ssl_cert_file ? c.ssl_cert_file : "(unset)") << " "
            << (c.ssl_cert_dir ? c.ssl_cert_dir : "(unset)");
}

BOOST_AUTO_TEST_SUITE(system_roots_test)

#if !defined(__APPLE__)
const std::vector<EnvCase> kEnvCases = {
    {nullptr, nullptr, kGoLinuxFiles, kGoLinuxDirectories},
    {"", "", kGoLinuxFiles, kGoLinuxDirectories},  // empty is unset, as in Go
    {"/opt/ca.pem", nullptr, {"/opt/ca.pem"}, kGoLinuxDirectories},
    {nullptr, "/opt/certs", kGoLinuxFiles, {"/opt/certs"}},
    {"/opt/ca.pem", "/a:/b", {"/opt/ca.pem"}, {"/a", "/b"}},
    {nullptr, "/a::/b:", kGoLinuxFiles, {"/a", "", "/b", ""}},  // strings.Split keeps empties
};

BOOST_DATA_TEST_CASE(environment_replaces_gos_linux_lists, data::make(kEnvCases), c) {
  RootLocations locations = SystemRootLocations(c.ssl_cert_file, c.ssl_cert_dir);
  BOOST_TEST(locations.files == c.files, boost::test_tools::per_element());
  BOOST_TEST(locations.directories == c.directories, boost::test_tools::per_element());
}
#endif

BOOST_AUTO_TEST_CASE(only_the_first_readable_file_is_read) {
  PluginDir dir;
  std::string second = dir.Write("second.pem", "SECOND\n");
  std::string third = dir.Write("third.pem", "THIRD\n");
  std::filesystem::create_directory(dir.path() + "/a-directory");
  RootLocations locations{{dir.path() + "/missing.pem", dir.path() + "/a-directory", second, third},
                          {}};
  BOOST_TEST(LoadSystemRoots(locations) == "SECOND\n\n");
}

BOOST_AUTO_TEST_CASE(every_file_of_every_directory_is_read_but_same_directory_links) {
  PluginDir dir;
  std::filesystem::create_directories(dir.path() + "/certs");
  std::filesystem::create_directories(dir.path() + "/share");
  dir.Write("certs/Some_Root.pem", "ROOT");  // no final newline
  dir.Write("certs/not-named-pem", "OTHER\n");
  dir.Write("share/Linked_Root.crt", "LINKED\n");
  // OpenSSL's hash link to a file of the same directory: read once, not twice.
  std::filesystem::create_symlink("Some_Root.pem", dir.path() + "/certs/1a2b3c4d.0");
  // Debian's /etc/ssl/certs links into /usr/share/ca-certificates: followed.
  std::filesystem::create_symlink(dir.path() + "/share/Linked_Root.crt",
                                  dir.path() + "/certs/Linked_Root.pem");
  std::filesystem::create_symlink(dir.path() + "/gone.pem", dir.path() + "/certs/dangling.pem");
  std::filesystem::create_directories(dir.path() + "/certs/subdirectory");
  RootLocations locations{{dir.path() + "/share/Linked_Root.crt"},
                          {dir.path() + "/missing", dir.path() + "/certs", ""}};

  std::string pem = LoadSystemRoots(locations);
  std::vector<std::string> blocks;
  for (size_t start = 0; start < pem.size();) {
    size_t end = pem.find('\n', start);
    if (end > start) blocks.push_back(pem.substr(start, end - start));
    start = end + 1;
  }
  std::sort(blocks.begin() + 1, blocks.end());
  const std::vector<std::string> expected = {"LINKED", "LINKED", "OTHER", "ROOT"};
  BOOST_TEST(blocks == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(nothing_found_is_empty) {
  BOOST_TEST(LoadSystemRoots({{"/nonexistent/ca.pem"}, {"/nonexistent/certs"}}) == "");
  BOOST_TEST(LoadSystemRoots({}) == "");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::rest
