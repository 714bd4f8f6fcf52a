#include "kubeconfig/homedir.h"

#include <boost/test/unit_test.hpp>
#include <map>
#include <string>

namespace pvcwatch::kubeconfig {
namespace {

// A machine: environment variables, and files (perm 0666) or directories (their perm).
struct Machine {
  std::map<std::string, std::string> env;
  std::map<std::string, go::FileInfo> files;
  std::string Home(bool windows = true) const {
    return HomeDir(
        windows,
        [&](const char* name) -> std::optional<std::string> {
          auto it = env.find(name);
          if (it == env.end()) return std::nullopt;
          return it->second;
        },
        [&](const std::string& path) -> std::optional<go::FileInfo> {
          auto it = files.find(path);
          if (it == files.end()) return std::nullopt;
          return it->second;
        });
  }
};

const go::FileInfo kFile{false, 0666};
const go::FileInfo kWritableDir{true, 0777};
const go::FileInfo kReadOnlyDir{true, 0555};

}  // namespace

BOOST_AUTO_TEST_SUITE(homedir_test)

BOOST_AUTO_TEST_CASE(elsewhere_home_is_home) {
  Machine m{{{"HOME", "/home/me"}, {"USERPROFILE", "C:\\Users\\me"}}, {}};
  BOOST_TEST(m.Home(false) == "/home/me");
  BOOST_TEST(Machine{}.Home(false) == "");
}

BOOST_AUTO_TEST_CASE(windows_prefers_the_first_dir_holding_a_kubeconfig) {
  Machine m{{{"HOME", "C:\\home"},
             {"HOMEDRIVE", "D:"},
             {"HOMEPATH", "\\me"},
             {"USERPROFILE", "C:\\Users\\me"}},
            {{"C:\\home", kWritableDir},
             {"D:\\me\\.kube\\config", kFile},
             {"C:\\Users\\me\\.kube\\config", kFile}}};
  BOOST_TEST(m.Home() == "D:\\me");  // HOMEDRIVE+HOMEPATH before USERPROFILE here
  m.files.erase("D:\\me\\.kube\\config");
  BOOST_TEST(m.Home() == "C:\\Users\\me");
  m.files["C:\\home\\.kube\\config"] = kFile;
  BOOST_TEST(m.Home() == "C:\\home");
}

BOOST_AUTO_TEST_CASE(windows_then_takes_a_writable_dir_then_an_existing_one_then_a_set_one) {
  Machine m{
      {{"HOME", "C:\\home"},
       {"HOMEDRIVE", "D:"},
       {"HOMEPATH", "\\me"},
       {"USERPROFILE", "C:\\Users\\me"}},
      {{"C:\\home", kReadOnlyDir}, {"D:\\me", kWritableDir}, {"C:\\Users\\me", kWritableDir}}};
  BOOST_TEST(m.Home() == "C:\\Users\\me");  // USERPROFILE before HOMEDRIVE+HOMEPATH here
  m.files.erase("C:\\Users\\me");
  BOOST_TEST(m.Home() == "D:\\me");
  m.files.erase("D:\\me");
  BOOST_TEST(m.Home() == "C:\\home");  // exists, though not writable
  m.files.clear();
  BOOST_TEST(m.Home() == "C:\\home");  // only set
  m.env = {{"HOMEDRIVE", "D:"}};       // HOMEPATH missing: the pair does not count
  BOOST_TEST(m.Home() == "");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::kubeconfig
