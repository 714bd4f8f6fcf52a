#include "go/filepath.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

namespace pvcwatch::go::filepath {
namespace {

struct Case {
  const char* in;
  const char* want;
};
std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.in; }

// Go's path/filepath results on Windows (path_windows.go, filepathlite).
const Case kWindowsClean[] = {
    {"", "."},
    {"c:", "c:."},
    {"c:\\", "c:\\"},
    {"c:\\a\\..\\..\\b", "c:\\b"},
    {"c:/a//b/./c/", "c:\\a\\b\\c"},
    {"\\a\\..\\..", "\\"},
    {"a/../c:", ".\\c:"},
    {"a\\..\\..\\b", "..\\b"},
    {"\\\\host\\share", "\\\\host\\share"},
    {"\\\\host\\share\\", "\\\\host\\share\\"},
    {"//host/share/x/../y", "\\\\host\\share\\y"},
    {"\\\\.\\C:\\x\\..", "\\\\.\\C:\\"},
    {"c:a\\..\\b", "c:b"},
};

const Case kUnixClean[] = {
    {"", "."},  {"a//b/../c/", "a/c"}, {"/../a", "/a"},      {"../../a", "../../a"}, {"a/..", "."},
    {"/", "/"}, {"a\\b", "a\\b"},      {"./a/./b/.", "a/b"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(filepath_test)

BOOST_DATA_TEST_CASE(windows_clean_is_gos, boost::unit_test::data::make(kWindowsClean), c) {
  BOOST_TEST(Clean(c.in, Rules::kWindows) == c.want);
}

BOOST_DATA_TEST_CASE(unix_clean_is_gos, boost::unit_test::data::make(kUnixClean), c) {
  BOOST_TEST(Clean(c.in, Rules::kUnix) == c.want);
}

BOOST_AUTO_TEST_CASE(windows_absolute_paths_need_a_volume_and_a_root) {
  BOOST_TEST(IsAbs("c:\\a", Rules::kWindows));
  BOOST_TEST(IsAbs("C:/a", Rules::kWindows));
  BOOST_TEST(!IsAbs("c:a", Rules::kWindows));
  BOOST_TEST(!IsAbs("\\a", Rules::kWindows));  // rooted on the current drive: relative
  BOOST_TEST(!IsAbs("/tmp/x", Rules::kWindows));
  BOOST_TEST(IsAbs("\\\\host\\share\\x", Rules::kWindows));
  BOOST_TEST(IsAbs("\\\\host\\share", Rules::kWindows));
  BOOST_TEST(IsAbs("/tmp/x", Rules::kUnix));
  BOOST_TEST(!IsAbs("c:\\a", Rules::kUnix));
}

BOOST_AUTO_TEST_CASE(volume_names) {
  BOOST_TEST(VolumeName("c:\\a", Rules::kWindows) == "c:");
  BOOST_TEST(VolumeName("//host/share/a", Rules::kWindows) == "\\\\host\\share");
  BOOST_TEST(VolumeName("\\\\.\\UNC\\host\\share\\a", Rules::kWindows) ==
             "\\\\.\\UNC\\host\\share");
  BOOST_TEST(VolumeName("\\a", Rules::kWindows) == "");
  BOOST_TEST(VolumeName("c:\\a", Rules::kUnix) == "");
}

BOOST_AUTO_TEST_CASE(join_skips_empty_elements_and_cleans) {
  BOOST_TEST(Join({"", ""}, Rules::kWindows) == "");
  BOOST_TEST(Join({"c:", "a"}, Rules::kWindows) == "c:a");
  BOOST_TEST(Join({"c:\\", "a"}, Rules::kWindows) == "c:\\a");
  BOOST_TEST(Join({"C:\\Users\\me", ".kube", "config"}, Rules::kWindows) ==
             "C:\\Users\\me\\.kube\\config");
  BOOST_TEST(Join({"Z:\\dir", "..\\x"}, Rules::kWindows) == "Z:\\x");
  BOOST_TEST(Join({"", "a", "", "b"}, Rules::kUnix) == "a/b");
  BOOST_TEST(Join({"/home/me/", ".kube", "config"}, Rules::kUnix) == "/home/me/.kube/config");
  BOOST_TEST(Join({"", ".kube", "config"}, Rules::kUnix) == ".kube/config");
}

BOOST_AUTO_TEST_CASE(dir_drops_the_last_element) {
  BOOST_TEST(Dir("c:\\a\\b", Rules::kWindows) == "c:\\a");
  BOOST_TEST(Dir("c:\\a", Rules::kWindows) == "c:\\");
  BOOST_TEST(Dir("c:a", Rules::kWindows) == "c:.");
  BOOST_TEST(Dir("\\\\host\\share\\a", Rules::kWindows) == "\\\\host\\share\\");
  BOOST_TEST(Dir("/a/b/c", Rules::kUnix) == "/a/b");
  BOOST_TEST(Dir("a", Rules::kUnix) == ".");
  BOOST_TEST(Dir("/", Rules::kUnix) == "/");
}

BOOST_AUTO_TEST_CASE(split_list_by_each_systems_rule) {
  using V = std::vector<std::string>;
  BOOST_TEST(SplitList("", Rules::kWindows) == V{});
  BOOST_TEST(SplitList("a;\"b;c\";d", Rules::kWindows) == (V{"a", "b;c", "d"}));
  BOOST_TEST(SplitList("c:\\a;;c:\\b", Rules::kWindows) == (V{"c:\\a", "", "c:\\b"}));
  BOOST_TEST(SplitList("/a:/b", Rules::kWindows) == V{"/a:/b"});  // one path there
  BOOST_TEST(SplitList("", Rules::kUnix) == V{});
  BOOST_TEST(SplitList("/a:/b:", Rules::kUnix) == (V{"/a", "/b", ""}));
  BOOST_TEST(SplitList("\"a:b\"", Rules::kUnix) == (V{"\"a", "b\""}));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::go::filepath
