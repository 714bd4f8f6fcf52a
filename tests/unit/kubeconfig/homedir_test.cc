#include "kubeconfig/homedir.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

// Every row is what client-go's homedir.HomeDir returns (util/homedir/homedir.go, run on
// linux with its os.Getenv, os.Stat and filepath.Join swapped for these fakes and Go's
// Windows Join). Rows are named for the pass that answers: 1 a dir holding .kube\config
// (HOME, HOMEDRIVE+HOMEPATH, USERPROFILE), 2 a writable dir, 3 an existing path, 4 a set
// one (those three in the order HOME, USERPROFILE, HOMEDRIVE+HOMEPATH), 5 "".

namespace pvcwatch::kubeconfig {
namespace {

namespace data = boost::unit_test::data;

// Mode().Perm() as Go reports it on Windows (0666, 0444 read-only, dirs 0111 more), and
// two that only Unix permissions make, for the owner-write test.
const go::FileInfo kFile{false, 0666};
const go::FileInfo kReadOnlyFile{false, 0444};
const go::FileInfo kDir{true, 0777};
const go::FileInfo kReadOnlyDir{true, 0555};
const go::FileInfo kOwnerWriteOnlyDir{true, 0200};
const go::FileInfo kOthersWriteDir{true, 0577};

struct HomeDirCase {
  std::string name;
  bool windows;
  std::map<std::string, std::string> env;
  std::map<std::string, go::FileInfo> files;  // what os.Stat finds
  std::string want;
};
std::ostream& operator<<(std::ostream& os, const HomeDirCase& c) { return os << c.name; }

const std::vector<HomeDirCase> kHomeDir = {
    {"elsewhere: $HOME",
     false,
     {{"HOME", "/home/me"}, {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:\Users\me\.kube\config)", kFile}},
     "/home/me"},
    {"elsewhere: $HOME unset",
     false,
     {{"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:\Users\me)", kDir}},
     ""},
    {"elsewhere: $HOME empty", false, {{"HOME", ""}}, {}, ""},
    {R"(1: HOME holding .kube\config, whatever it is)",
     true,
     {{"HOME", R"(C:\home)"},
      {"HOMEDRIVE", "D:"},
      {"HOMEPATH", R"(\me)"},
      {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:\Users\me\.kube\config)", kFile},
      {R"(C:\home\.kube\config)", kFile},
      {R"(D:\me\.kube\config)", kFile}},
     R"(C:\home)"},
    {"1: HOMEDRIVE+HOMEPATH before USERPROFILE",
     true,
     {{"HOME", R"(C:\home)"},
      {"HOMEDRIVE", "D:"},
      {"HOMEPATH", R"(\me)"},
      {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:\Users\me\.kube\config)", kFile},
      {R"(C:\home)", kDir},
      {R"(D:\me\.kube\config)", kFile}},
     R"(D:\me)"},
    {"1: USERPROFILE",
     true,
     {{"HOME", R"(C:\home)"},
      {"HOMEDRIVE", "D:"},
      {"HOMEPATH", R"(\me)"},
      {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:\Users\me\.kube\config)", kFile}, {R"(C:\home)", kDir}, {R"(D:\me)", kDir}},
     R"(C:\Users\me)"},
    {"1: a directory named config counts",
     true,
     {{"HOME", R"(C:\home)"},
      {"HOMEDRIVE", "D:"},
      {"HOMEPATH", R"(\me)"},
      {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:\Users\me)", kDir}, {R"(C:\home\.kube\config)", kDir}},
     R"(C:\home)"},
    {"1: a read-only config counts",
     true,
     {{"HOME", R"(C:\home)"},
      {"HOMEDRIVE", "D:"},
      {"HOMEPATH", R"(\me)"},
      {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:\Users\me)", kDir}, {R"(D:\me\.kube\config)", kReadOnlyFile}},
     R"(D:\me)"},
    {"1: joined as Go joins: C: + .kube is C:.kube",
     true,
     {{"HOME", "C:"}, {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:.kube\config)", kFile}, {R"(C:\Users\me)", kDir}},
     "C:"},
    {"1: a trailing separator kept in the answer",
     true,
     {{"HOME", R"(C:\home\)"}},
     {{R"(C:\home\.kube\config)", kFile}},
     R"(C:\home\)"},
    {"1: HOMEDRIVE without HOMEPATH is no candidate",
     true,
     {{"HOMEDRIVE", "D:"}, {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:\Users\me)", kDir}, {R"(D:.kube\config)", kFile}},
     R"(C:\Users\me)"},
    {"1: an empty HOME is unset",
     true,
     {{"HOME", ""}, {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(.kube\config)", kFile}, {R"(C:\Users\me)", kReadOnlyDir}},
     R"(C:\Users\me)"},
    {"2: HOME, a writable directory",
     true,
     {{"HOME", R"(C:\home)"},
      {"HOMEDRIVE", "D:"},
      {"HOMEPATH", R"(\me)"},
      {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:\Users\me)", kDir}, {R"(C:\home)", kDir}, {R"(D:\me)", kDir}},
     R"(C:\home)"},
    {"2: USERPROFILE before HOMEDRIVE+HOMEPATH",
     true,
     {{"HOME", R"(C:\home)"},
      {"HOMEDRIVE", "D:"},
      {"HOMEPATH", R"(\me)"},
      {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:\Users\me)", kDir}, {R"(C:\home)", kReadOnlyDir}, {R"(D:\me)", kDir}},
     R"(C:\Users\me)"},
    {"2: HOMEDRIVE+HOMEPATH last",
     true,
     {{"HOME", R"(C:\home)"},
      {"HOMEDRIVE", "D:"},
      {"HOMEPATH", R"(\me)"},
      {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:\Users\me)", kFile}, {R"(D:\me)", kDir}},
     R"(D:\me)"},
    {"2: owner write is enough",
     true,
     {{"HOME", R"(C:\home)"},
      {"HOMEDRIVE", "D:"},
      {"HOMEPATH", R"(\me)"},
      {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:\Users\me)", kOwnerWriteOnlyDir}, {R"(C:\home)", kReadOnlyDir}, {R"(D:\me)", kDir}},
     R"(C:\Users\me)"},
    {"2: others' write is not",
     true,
     {{"HOME", R"(C:\home)"},
      {"HOMEDRIVE", "D:"},
      {"HOMEPATH", R"(\me)"},
      {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:\Users\me)", kReadOnlyDir}, {R"(C:\home)", kOthersWriteDir}, {R"(D:\me)", kDir}},
     R"(D:\me)"},
    {"2: a writable file is no directory",
     true,
     {{"HOME", R"(C:\home)"}, {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:\Users\me)", kDir}, {R"(C:\home)", kFile}},
     R"(C:\Users\me)"},
    {"3: the first existing, in the second order",
     true,
     {{"HOME", R"(C:\home)"},
      {"HOMEDRIVE", "D:"},
      {"HOMEPATH", R"(\me)"},
      {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:\Users\me)", kReadOnlyDir}, {R"(D:\me)", kFile}},
     R"(C:\Users\me)"},
    {"3: a file exists too",
     true,
     {{"HOME", R"(C:\home)"},
      {"HOMEDRIVE", "D:"},
      {"HOMEPATH", R"(\me)"},
      {"USERPROFILE", R"(C:\Users\me)"}},
     {{R"(C:\home)", kFile}, {R"(D:\me)", kReadOnlyDir}},
     R"(C:\home)"},
    {"4: the first set, in the second order",
     true,
     {{"HOMEDRIVE", "D:"}, {"HOMEPATH", R"(\me)"}, {"USERPROFILE", R"(C:\Users\me)"}},
     {},
     R"(C:\Users\me)"},
    {"4: HOMEDRIVE+HOMEPATH alone",
     true,
     {{"HOMEDRIVE", "D:"}, {"HOMEPATH", R"(\me)"}},
     {},
     R"(D:\me)"},
    {"5: nothing set", true, {}, {{R"(C:\Users\me)", kDir}}, ""},
    {"5: HOMEPATH alone is nothing", true, {{"HOMEPATH", R"(\me)"}}, {{R"(\me)", kDir}}, ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(homedir_test)

BOOST_DATA_TEST_CASE(home_dir_is_client_gos, data::make(kHomeDir), c) {
  std::vector<std::string> statted;
  const std::string home = HomeDir(
      c.windows,
      [&](const char* name) -> std::optional<std::string> {
        auto it = c.env.find(name);
        if (it == c.env.end()) return std::nullopt;
        return it->second;
      },
      [&](const std::string& path) -> std::optional<go::FileInfo> {
        statted.push_back(path);
        auto it = c.files.find(path);
        if (it == c.files.end()) return std::nullopt;
        return it->second;
      });
  BOOST_TEST(home == c.want);
  if (!c.windows) BOOST_TEST(statted.empty());  // $HOME, never looked at
}

BOOST_AUTO_TEST_CASE(windows_asks_for_the_kubeconfig_first_then_the_dirs) {
  std::vector<std::string> statted;
  const std::map<std::string, std::string> env = {{"HOME", R"(C:\home)"},
                                                  {"HOMEDRIVE", "D:"},
                                                  {"HOMEPATH", R"(\me)"},
                                                  {"USERPROFILE", R"(C:\Users\me)"}};
  HomeDir(
      true, [&](const char* name) -> std::optional<std::string> { return env.at(name); },
      [&](const std::string& path) -> std::optional<go::FileInfo> {
        statted.push_back(path);
        return std::nullopt;
      });
  const std::vector<std::string> want = {R"(C:\home\.kube\config)",
                                         R"(D:\me\.kube\config)",
                                         R"(C:\Users\me\.kube\config)",
                                         R"(C:\home)",
                                         R"(C:\Users\me)",
                                         R"(D:\me)"};
  BOOST_TEST(statted == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::kubeconfig
