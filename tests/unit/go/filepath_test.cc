#include "go/filepath.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>
#include <vector>

// Every row is what Go 1.26 returns: the Unix column from path/filepath on linux, the
// Windows column from internal/filepathlite's and path_windows.go's Windows code run on
// linux. Go's own path_test.go vectors come first in each table, then ours.

namespace pvcwatch::go::filepath {
namespace {

namespace data = boost::unit_test::data;
using Strings = std::vector<std::string>;

std::ostream& operator<<(std::ostream& os, const Strings& v) {
  os << '{';
  for (const std::string& s : v) os << '[' << s << ']';
  return os << '}';
}

struct PathCase {
  const char* in;
  const char* unix_want;
  const char* windows_want;
};
std::ostream& operator<<(std::ostream& os, const PathCase& c) { return os << '[' << c.in << ']'; }

const PathCase kClean[] = {
    {"abc", "abc", "abc"},
    {"abc/def", "abc/def", R"(abc\def)"},
    {"a/b/c", "a/b/c", R"(a\b\c)"},
    {".", ".", "."},
    {"..", "..", ".."},
    {"../..", "../..", R"(..\..)"},
    {"../../abc", "../../abc", R"(..\..\abc)"},
    {"/abc", "/abc", R"(\abc)"},
    {"/", "/", R"(\)"},
    {"", ".", "."},
    {"abc/", "abc", "abc"},
    {"abc/def/", "abc/def", R"(abc\def)"},
    {"a/b/c/", "a/b/c", R"(a\b\c)"},
    {"./", ".", "."},
    {"../", "..", ".."},
    {"../../", "../..", R"(..\..)"},
    {"/abc/", "/abc", R"(\abc)"},
    {"abc//def//ghi", "abc/def/ghi", R"(abc\def\ghi)"},
    {"abc//", "abc", "abc"},
    {"abc/./def", "abc/def", R"(abc\def)"},
    {"/./abc/def", "/abc/def", R"(\abc\def)"},
    {"abc/.", "abc", "abc"},
    {"abc/def/ghi/../jkl", "abc/def/jkl", R"(abc\def\jkl)"},
    {"abc/def/../ghi/../jkl", "abc/jkl", R"(abc\jkl)"},
    {"abc/def/..", "abc", "abc"},
    {"abc/def/../..", ".", "."},
    {"/abc/def/../..", "/", R"(\)"},
    {"abc/def/../../..", "..", ".."},
    {"/abc/def/../../..", "/", R"(\)"},
    {"abc/def/../../../ghi/jkl/../../../mno", "../../mno", R"(..\..\mno)"},
    {"/../abc", "/abc", R"(\abc)"},
    {"a/../b:/../../c", "../c", R"(..\c)"},
    {"abc/./../def", "def", "def"},
    {"abc//./../def", "def", "def"},
    {"abc/../../././../def", "../../def", R"(..\..\def)"},
    {"//abc", "/abc", R"(\\abc)"},
    {"///abc", "/abc", R"(\\\abc)"},
    {"//abc//", "/abc", R"(\\abc\\)"},
    {"c:", "c:", "c:."},
    {R"(c:\)", R"(c:\)", R"(c:\)"},
    {R"(c:\abc)", R"(c:\abc)", R"(c:\abc)"},
    {R"(c:abc\..\..\.\.\..\def)", R"(c:abc\..\..\.\.\..\def)", R"(c:..\..\def)"},
    {R"(c:\abc\def\..\..)", R"(c:\abc\def\..\..)", R"(c:\)"},
    {R"(c:\..\abc)", R"(c:\..\abc)", R"(c:\abc)"},
    {R"(c:..\abc)", R"(c:..\abc)", R"(c:..\abc)"},
    {R"(c:\b:\..\..\..\d)", R"(c:\b:\..\..\..\d)", R"(c:\d)"},
    {R"(\)", R"(\)", R"(\)"},
    {R"(\\i\..\c$)", R"(\\i\..\c$)", R"(\\i\..\c$)"},
    {R"(\\i\..\i\c$)", R"(\\i\..\i\c$)", R"(\\i\..\i\c$)"},
    {R"(\\i\..\I\c$)", R"(\\i\..\I\c$)", R"(\\i\..\I\c$)"},
    {R"(\\host\share\foo\..\bar)", R"(\\host\share\foo\..\bar)", R"(\\host\share\bar)"},
    {"//host/share/foo/../baz", "/host/share/baz", R"(\\host\share\baz)"},
    {R"(\\host\share\foo\..\..\..\..\bar)", R"(\\host\share\foo\..\..\..\..\bar)",
     R"(\\host\share\bar)"},
    {R"(\\.\C:\a\..\..\..\..\bar)", R"(\\.\C:\a\..\..\..\..\bar)", R"(\\.\C:\bar)"},
    {R"(\\.\C:\\\\a)", R"(\\.\C:\\\\a)", R"(\\.\C:\a)"},
    {R"(\\a\b\..\c)", R"(\\a\b\..\c)", R"(\\a\b\c)"},
    {R"(\\a\b)", R"(\\a\b)", R"(\\a\b)"},
    {R"(.\c:)", R"(.\c:)", R"(.\c:)"},
    {R"(.\c:\foo)", R"(.\c:\foo)", R"(.\c:\foo)"},
    {R"(.\c:foo)", R"(.\c:foo)", R"(.\c:foo)"},
    {R"(\\?\C:\)", R"(\\?\C:\)", R"(\\?\C:\)"},
    {R"(\\?\C:\a)", R"(\\?\C:\a)", R"(\\?\C:\a)"},
    {"a/../c:", "c:", R"(.\c:)"},
    {R"(a\..\c:)", R"(a\..\c:)", R"(.\c:)"},
    {"a/../c:/a", "c:/a", R"(.\c:\a)"},
    {"a/../../c:", "../c:", R"(..\c:)"},
    {"foo:bar", "foo:bar", "foo:bar"},
    {R"(/a/../??/a)", R"(/??/a)", R"(\.\??\a)"},
    {R"(c:\a\..\..\b)", R"(c:\a\..\..\b)", R"(c:\b)"},
    {"C:/Users//me/./.kube/", "C:/Users/me/.kube", R"(C:\Users\me\.kube)"},
    {R"(c:a\..\b)", R"(c:a\..\b)", "c:b"},
    {"c:..", "c:..", "c:.."},
    {R"(\a\..\..)", R"(\a\..\..)", R"(\)"},
    {R"(a\..\..\b)", R"(a\..\..\b)", R"(..\b)"},
    // ".\" only when Clean changed the path: "ab:c\d" was already clean, "ab:c/d" was not.
    {R"(ab:c\.\d)", R"(ab:c\.\d)", R"(.\ab:c\d)"},
    {R"(ab:c\d)", R"(ab:c\d)", R"(ab:c\d)"},
    {"ab:c/d", "ab:c/d", R"(.\ab:c\d)"},
    {R"(\a\..\??\c:\x)", R"(\a\..\??\c:\x)", R"(\.\??\c:\x)"},
    {R"(\??\c:\x\..)", R"(\??\c:\x\..)", R"(\??\c:\)"},
    // Only \\.\UNC takes host and share into the volume; \\?\ takes one element.
    {R"(\\?\UNC\host\share\..)", R"(\\?\UNC\host\share\..)", R"(\\?\UNC\host)"},
    {"//./UNC/host/share/../..", "/UNC", R"(\\.\UNC\host\share\)"},
    {R"(\\host)", R"(\\host)", R"(\\host)"},
    {R"(\\host\)", R"(\\host\)", R"(\\host\)"},
    {R"(\\host\share\)", R"(\\host\share\)", R"(\\host\share\)"},
    {R"(\\.\C:\x\..)", R"(\\.\C:\x\..)", R"(\\.\C:\)"},
    {R"(a\b\..\..\..)", R"(a\b\..\..\..)", ".."},
    {R"(.\a)", R"(.\a)", "a"},
    {R"(a\.\\b\)", R"(a\.\\b\)", R"(a\b)"},
    {R"(\\?\)", R"(\\?\)", R"(\\?\)"},
    {R"(\\.)", R"(\\.)", R"(\\.)"},
    {R"(\??\)", R"(\??\)", R"(\??\.)"},
    {R"(x:y:\z)", R"(x:y:\z)", R"(x:y:\z)"},
    {R"(a/b\c/d)", R"(a/b\c/d)", R"(a\b\c\d)"},
    // Go's postClean reads its whole buffer, past the output's end: the "b:" a dropped
    // element left there still brings ".\" (not when the input, all '\', was never copied);
    // "/??x/.." likewise. "/??/.." is all volume.
    {"a//b:/../../cde", "cde", R"(.\cde)"},
    {"a/b:/../../cde/f", "cde/f", R"(cde\f)"},
    {R"(a\b:\..\..\cde)", R"(a\b:\..\..\cde)", "cde"},
    {R"(/??x/..)", "/", R"(\.\)"},
    {R"(/??/..)", "/", R"(/??/...)"},
};

struct AbsCase {
  const char* in;
  bool unix_want;
  bool windows_want;
};
std::ostream& operator<<(std::ostream& os, const AbsCase& c) { return os << '[' << c.in << ']'; }

const AbsCase kIsAbs[] = {
    {"", false, false},
    {"/", true, false},
    {"/usr/bin/gcc", true, false},
    {"..", false, false},
    {"/a/../bb", true, false},
    {".", false, false},
    {"./", false, false},
    {"lala", false, false},
    {R"(C:\)", false, true},
    {R"(c\)", false, false},
    {"c::", false, false},
    {"c:", false, false},
    {R"(\)", false, false},
    {R"(\Windows)", false, false},
    {R"(c:a\b)", false, false},
    {R"(c:\a\b)", false, true},
    {"c:/a/b", false, true},
    {R"(\\host\share)", false, true},
    {R"(\\host\share\)", false, true},
    {R"(\\host\share\foo)", false, true},
    {"//host/share/foo/bar", true, true},
    {R"(\\?\a\b\c)", false, true},
    {R"(\??\a\b\c)", false, true},
    {"c:/", false, true},
    {"c:..", false, false},
    {R"(\a)", false, false},
    {R"(c:\a)", false, true},
    {R"(\\host\share\x)", false, true},
    {R"(\\host)", false, true},
    {R"(\\.\C:)", false, true},
    {R"(\\.\C:\x)", false, true},
    {R"(\??)", false, false},
    {R"(\\?)", false, true},
    {"/tmp/x", true, false},
    {R"(1:\x)", false, true},
};

struct VolumeCase {
  const char* in;
  const char* windows_want;  // Unix has no volumes
};
std::ostream& operator<<(std::ostream& os, const VolumeCase& c) { return os << '[' << c.in << ']'; }

const VolumeCase kVolumeName[] = {
    {"c:/foo/bar", "c:"},
    {"c:", "c:"},
    {R"(c:\)", "c:"},
    {"2:", "2:"},
    {"", ""},
    {R"(\\\host)", R"(\\\host)"},
    {R"(\\\host\)", R"(\\\host)"},
    {R"(\\\host\share)", R"(\\\host)"},
    {R"(\\\host\\share)", R"(\\\host)"},
    {R"(\\host)", R"(\\host)"},
    {"//host", R"(\\host)"},
    {R"(\\host\)", R"(\\host\)"},
    {"//host/", R"(\\host\)"},
    {R"(\\host\share)", R"(\\host\share)"},
    {"//host/share", R"(\\host\share)"},
    {R"(\\host\share\)", R"(\\host\share)"},
    {"//host/share/", R"(\\host\share)"},
    {R"(\\host\share\foo)", R"(\\host\share)"},
    {"//host/share/foo", R"(\\host\share)"},
    {R"(\\host\share\\foo\\\bar\\\\baz)", R"(\\host\share)"},
    {"//host/share//foo///bar////baz", R"(\\host\share)"},
    {R"(\\host\share\foo\..\bar)", R"(\\host\share)"},
    {"//host/share/foo/../bar", R"(\\host\share)"},
    {"//.", R"(\\.)"},
    {"//./", R"(\\.\)"},
    {"//./NUL", R"(\\.\NUL)"},
    {"//?", R"(\\?)"},
    {"//?/", R"(\\?\)"},
    {"//?/NUL", R"(\\?\NUL)"},
    {R"(/??)", R"(\??)"},
    {R"(/??/)", R"(\??\)"},
    {R"(/??/NUL)", R"(\??\NUL)"},
    {"//./a/b", R"(\\.\a)"},
    {"//./C:", R"(\\.\C:)"},
    {"//./C:/", R"(\\.\C:)"},
    {"//./C:/a/b/c", R"(\\.\C:)"},
    {"//./UNC/host/share/a/b/c", R"(\\.\UNC\host\share)"},
    {"//./UNC/host", R"(\\.\UNC\host)"},
    {R"(//./UNC/host\)", R"(\\.\UNC\host\)"},
    {"//./UNC", R"(\\.\UNC)"},
    {"//./UNC/", R"(\\.\UNC\)"},
    {R"(\\?\x)", R"(\\?\x)"},
    {R"(\??\x)", R"(\??\x)"},
    {R"(\\?\UNC\host\share\a)", R"(\\?\UNC)"},
    {R"(\\.\unc\host\share\a)", R"(\\.\unc\host\share)"},
    {R"(\\.\UNCx\a)", R"(\\.\UNCx)"},
    {R"(\\.x\a)", R"(\\.x\a)"},
    {R"(\a)", ""},
    {"a:b", "a:"},
    {"/a/b", ""},
};

const PathCase kDir[] = {
    {"", ".", "."},
    {".", ".", "."},
    {"/.", "/", R"(\)"},
    {"/", "/", R"(\)"},
    {"/foo", "/", R"(\)"},
    {"x/", "x", "x"},
    {"abc", ".", "."},
    {"abc/def", "abc", "abc"},
    {"a/b/.x", "a/b", R"(a\b)"},
    {"a/b/c.", "a/b", R"(a\b)"},
    {"a/b/c.x", "a/b", R"(a\b)"},
    {"////", "/", R"(\\\\)"},
    {R"(c:\)", ".", R"(c:\)"},
    {"c:.", ".", "c:."},
    {R"(c:\a\b)", ".", R"(c:\a)"},
    {R"(c:a\b)", ".", "c:a"},
    {R"(c:a\b\c)", ".", R"(c:a\b)"},
    {R"(\\host\share)", ".", R"(\\host\share)"},
    {R"(\\host\share\)", ".", R"(\\host\share\)"},
    {R"(\\host\share\a)", ".", R"(\\host\share\)"},
    {R"(\\host\share\a\b)", ".", R"(\\host\share\a)"},
    {R"(\\\\)", ".", R"(\\\\)"},
    {R"(c:\a)", ".", R"(c:\)"},
    {"c:a", ".", "c:."},
    {"c:", ".", "c:."},
    {"C:/Users/me/.kube/config", "C:/Users/me/.kube", R"(C:\Users\me\.kube)"},
    {R"(a\b)", ".", "a"},
    {R"(\a)", ".", R"(\)"},
    {R"(\\?\C:\a)", ".", R"(\\?\C:\)"},
    {"//host/share", "/host", R"(\\host\share)"},
    {"a/../../b", "..", ".."},
};

const PathCase kBase[] = {
    {"", ".", "."},
    {".", ".", "."},
    {"/.", ".", "."},
    {"/", "/", R"(\)"},
    {"////", "/", R"(\)"},
    {"x/", "x", "x"},
    {"abc", "abc", "abc"},
    {"abc/def", "def", "def"},
    {"a/b/.x", ".x", ".x"},
    {"a/b/c.", "c.", "c."},
    {"a/b/c.x", "c.x", "c.x"},
    {R"(c:\)", R"(c:\)", R"(\)"},
    {"c:.", "c:.", "."},
    {R"(c:\a\b)", R"(c:\a\b)", "b"},
    {R"(c:a\b)", R"(c:a\b)", "b"},
    {R"(c:a\b\c)", R"(c:a\b\c)", "c"},
    {R"(\\host\share\)", R"(\\host\share\)", R"(\)"},
    {R"(\\host\share\a)", R"(\\host\share\a)", "a"},
    {R"(\\host\share\a\b)", R"(\\host\share\a\b)", "b"},
    {"c:", "c:", R"(\)"},
    {R"(\\host\share)", R"(\\host\share)", R"(\)"},
    {R"(a\b)", R"(a\b)", "b"},
    {R"(C:\bin\plugin.exe)", R"(C:\bin\plugin.exe)", "plugin.exe"},
    {R"(\\?\C:\)", R"(\\?\C:\)", R"(\)"},
    {"c:a", "c:a", "a"},
};

struct JoinCase {
  Strings elements;
  std::string unix_want;
  std::string windows_want;
};
std::ostream& operator<<(std::ostream& os, const JoinCase& c) { return os << c.elements; }

const std::vector<JoinCase> kJoin = {
    {{}, "", ""},
    {{""}, "", ""},
    {{"/"}, "/", R"(\)"},
    {{"a"}, "a", "a"},
    {{"a", "b"}, "a/b", R"(a\b)"},
    {{"a", ""}, "a", "a"},
    {{"", "b"}, "b", "b"},
    {{"/", "a"}, "/a", R"(\a)"},
    {{"/", "a/b"}, "/a/b", R"(\a\b)"},
    {{"/", ""}, "/", R"(\)"},
    {{"/a", "b"}, "/a/b", R"(\a\b)"},
    {{"a", "/b"}, "a/b", R"(a\b)"},
    {{"/a", "/b"}, "/a/b", R"(\a\b)"},
    {{"a/", "b"}, "a/b", R"(a\b)"},
    {{"a/", ""}, "a", "a"},
    {{"", ""}, "", ""},
    {{"/", "a", "b"}, "/a/b", R"(\a\b)"},
    {{"//", "a"}, "/a", R"(\\a)"},
    {{"directory", "file"}, "directory/file", R"(directory\file)"},
    {{R"(C:\Windows\)", "System32"}, R"(C:\Windows\/System32)", R"(C:\Windows\System32)"},
    {{R"(C:\Windows\)", ""}, R"(C:\Windows\)", R"(C:\Windows)"},
    {{R"(C:\)", "Windows"}, R"(C:\/Windows)", R"(C:\Windows)"},
    {{"C:", "a"}, "C:/a", "C:a"},
    {{"C:", R"(a\b)"}, R"(C:/a\b)", R"(C:a\b)"},
    {{"C:", "a", "b"}, "C:/a/b", R"(C:a\b)"},
    {{"C:", "", "b"}, "C:/b", "C:b"},
    {{"C:", "", "", "b"}, "C:/b", "C:b"},
    {{"C:", ""}, "C:", "C:."},
    {{"C:", "", ""}, "C:", "C:."},
    {{"C:", R"(\a)"}, R"(C:/\a)", R"(C:\a)"},
    {{"C:", "", R"(\a)"}, R"(C:/\a)", R"(C:\a)"},
    {{"C:.", "a"}, "C:./a", "C:a"},
    {{"C:a", "b"}, "C:a/b", R"(C:a\b)"},
    {{"C:a", "b", "d"}, "C:a/b/d", R"(C:a\b\d)"},
    {{R"(\\host\share)", "foo"}, R"(\\host\share/foo)", R"(\\host\share\foo)"},
    {{R"(\\host\share\foo)"}, R"(\\host\share\foo)", R"(\\host\share\foo)"},
    {{"//host/share", "foo/bar"}, "/host/share/foo/bar", R"(\\host\share\foo\bar)"},
    {{R"(\)"}, R"(\)", R"(\)"},
    {{R"(\)", ""}, R"(\)", R"(\)"},
    {{R"(\)", "a"}, R"(\/a)", R"(\a)"},
    {{R"(\\)", "a"}, R"(\\/a)", R"(\\a)"},
    {{R"(\)", "a", "b"}, R"(\/a/b)", R"(\a\b)"},
    {{R"(\\)", "a", "b"}, R"(\\/a/b)", R"(\\a\b)"},
    {{R"(\)", R"(\\a\b)", "c"}, R"(\/\\a\b/c)", R"(\a\b\c)"},
    {{R"(\\a)", "b", "c"}, R"(\\a/b/c)", R"(\\a\b\c)"},
    {{R"(\\a\)", "b", "c"}, R"(\\a\/b/c)", R"(\\a\b\c)"},
    {{"//", "a"}, "/a", R"(\\a)"},
    {{R"(a:\b\c)", R"(x\..\y:\..\..\z)"}, R"(a:\b\c/x\..\y:\..\..\z)", R"(a:\b\z)"},
    {{R"(\)", R"(??\a)"}, R"(\/??\a)", R"(\.\??\a)"},
    {{"c:", "a"}, "c:/a", "c:a"},
    {{R"(C:\Users\me)", ".kube", "config"},
     R"(C:\Users\me/.kube/config)",
     R"(C:\Users\me\.kube\config)"},
    {{R"(Z:\dir)", R"(..\x)"}, R"(Z:\dir/..\x)", R"(Z:\x)"},
    {{"", "a", "", "b"}, "a/b", R"(a\b)"},
    {{"/home/me/", ".kube", "config"}, "/home/me/.kube/config", R"(\home\me\.kube\config)"},
    {{"", ".kube", "config"}, ".kube/config", R"(.kube\config)"},
    {{"foo:", "bar"}, "foo:/bar", "foo:bar"},
    {{"a", "", "b"}, "a/b", R"(a\b)"},
    {{R"(a\)", R"(\b)"}, R"(a\/\b)", R"(a\b)"},
    {{"", R"(\a)"}, R"(\a)", R"(\a)"},
    {{R"(\)", R"(??)"}, R"(\/??)", R"(\.\??)"},
    {{R"(\)", R"(??x)"}, R"(\/??x)", R"(\??x)"},
    {{".", "a"}, "a", "a"},
    {{".", R"(p\a.exe)"}, R"(p\a.exe)", R"(p\a.exe)"},
    {{R"(C:\bin)", "a"}, R"(C:\bin/a)", R"(C:\bin\a)"},
    {{R"(C:\bin)", R"(..\..\..\a)"}, R"(C:\bin/..\..\..\a)", R"(C:\a)"},
    {{"/a", "../../b"}, "/b", R"(\b)"},
    {{"a", "/"}, "a", "a"},
    {{"a", "//b"}, "a/b", R"(a\b)"},
};

struct SplitListCase {
  std::string in;
  Strings unix_want;
  Strings windows_want;
};
std::ostream& operator<<(std::ostream& os, const SplitListCase& c) {
  return os << '[' << c.in << ']';
}

const std::vector<SplitListCase> kSplitList = {
    {"", {}, {}},
    {"a:b", {"a", "b"}, {"a:b"}},
    {":a:b", {"", "a", "b"}, {":a:b"}},
    {"a;b", {"a;b"}, {"a", "b"}},
    {";a;b", {";a;b"}, {"", "a", "b"}},
    {R"("a")", {R"("a")"}, {"a"}},
    {R"(";")", {R"(";")"}, {";"}},
    {R"("a;b")", {R"("a;b")"}, {"a;b"}},
    {R"(";";)", {R"(";";)"}, {";", ""}},
    {R"(;";")", {R"(;";")"}, {"", ";"}},
    {R"(a";"b)", {R"(a";"b)"}, {"a;b"}},
    {R"(a; ""b)", {R"(a; ""b)"}, {"a", " b"}},
    {R"("a;b)", {R"("a;b)"}, {"a;b"}},
    {R"(""a;b)", {R"(""a;b)"}, {"a", "b"}},
    {R"("""a;b)", {R"("""a;b)"}, {"a;b"}},
    {R"(""""a;b)", {R"(""""a;b)"}, {"a", "b"}},
    {R"(a";b)", {R"(a";b)"}, {"a;b"}},
    {R"(a;b";c)", {R"(a;b";c)"}, {"a", "b;c"}},
    {R"("a";b";c)", {R"("a";b";c)"}, {"a", "b;c"}},
    {R"(a;"b;c";d)", {R"(a;"b;c";d)"}, {"a", "b;c", "d"}},
    {R"(c:\a;;c:\b)", {"c", R"(\a;;c)", R"(\b)"}, {R"(c:\a)", "", R"(c:\b)"}},
    {"/a:/b", {"/a", "/b"}, {"/a:/b"}},
    {"/a:/b:", {"/a", "/b", ""}, {"/a:/b:"}},
    {R"("a:b")", {R"("a)", R"(b")"}, {"a:b"}},
    {R"(C:\Program Files\x;"C:\odd;dir"\bin;)",
     {"C", R"(\Program Files\x;"C)", R"(\odd;dir"\bin;)"},
     {R"(C:\Program Files\x)", R"(C:\odd;dir\bin)", ""}},
    {";", {";"}, {"", ""}},
    {":", {"", ""}, {":"}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(filepath_test)

BOOST_DATA_TEST_CASE(clean_is_gos, data::make(kClean), c) {
  BOOST_TEST(Clean(c.in, Rules::kUnix) == c.unix_want);
  BOOST_TEST(Clean(c.in, Rules::kWindows) == c.windows_want);
}

BOOST_DATA_TEST_CASE(is_abs_is_gos, data::make(kIsAbs), c) {
  BOOST_TEST(IsAbs(c.in, Rules::kUnix) == c.unix_want);
  BOOST_TEST(IsAbs(c.in, Rules::kWindows) == c.windows_want);
}

BOOST_DATA_TEST_CASE(volume_name_is_gos, data::make(kVolumeName), c) {
  BOOST_TEST(VolumeName(c.in, Rules::kUnix) == "");
  BOOST_TEST(VolumeName(c.in, Rules::kWindows) == c.windows_want);
}

BOOST_DATA_TEST_CASE(dir_is_gos, data::make(kDir), c) {
  BOOST_TEST(Dir(c.in, Rules::kUnix) == c.unix_want);
  BOOST_TEST(Dir(c.in, Rules::kWindows) == c.windows_want);
}

BOOST_DATA_TEST_CASE(base_is_gos, data::make(kBase), c) {
  BOOST_TEST(Base(c.in, Rules::kUnix) == c.unix_want);
  BOOST_TEST(Base(c.in, Rules::kWindows) == c.windows_want);
}

BOOST_DATA_TEST_CASE(join_is_gos, data::make(kJoin), c) {
  BOOST_TEST(Join(c.elements, Rules::kUnix) == c.unix_want);
  BOOST_TEST(Join(c.elements, Rules::kWindows) == c.windows_want);
}

BOOST_DATA_TEST_CASE(split_list_is_gos, data::make(kSplitList), c) {
  BOOST_TEST(SplitList(c.in, Rules::kUnix) == c.unix_want);
  BOOST_TEST(SplitList(c.in, Rules::kWindows) == c.windows_want);
}

BOOST_AUTO_TEST_CASE(slashes_turn_only_on_windows) {
  BOOST_TEST(ToSlash(R"(C:\a/b\c)", Rules::kWindows) == "C:/a/b/c");
  BOOST_TEST(FromSlash(R"(C:/a\b/c)", Rules::kWindows) == R"(C:\a\b\c)");
  BOOST_TEST(ToSlash(R"(a\b)", Rules::kUnix) == R"(a\b)");
  BOOST_TEST(FromSlash("a/b", Rules::kUnix) == "a/b");
  BOOST_TEST(ToSlash("", Rules::kWindows) == "");
}

BOOST_AUTO_TEST_CASE(unqualified_calls_use_this_platforms_rules) {
#if defined(_WIN32)
  BOOST_TEST((kNative == Rules::kWindows && kSeparator == '\\' && kListSeparator == ';'));
#else
  BOOST_TEST((kNative == Rules::kUnix && kSeparator == '/' && kListSeparator == ':'));
#endif
  BOOST_TEST(IsAbs(R"(c:\a)") == IsAbs(R"(c:\a)", kNative));
  BOOST_TEST(Clean(R"(a\..\b/./c)") == Clean(R"(a\..\b/./c)", kNative));
  BOOST_TEST(Join({"c:", "a"}) == Join({"c:", "a"}, kNative));
  BOOST_TEST(Dir(R"(c:\a\b)") == Dir(R"(c:\a\b)", kNative));
  BOOST_TEST(SplitList("a;b:c") == SplitList("a;b:c", kNative));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::go::filepath
