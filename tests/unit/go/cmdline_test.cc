#include "go/cmdline.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "go/filepath.h"

// Every row is what Go 1.26 returns: syscall's EscapeArg and makeCmdLine and os/exec's
// pathExt and lookPathExts (lp_windows.go), their Windows code run on linux against the
// same fake file system. Go's own test vectors come first, then ours.

namespace pvcwatch::go {
namespace {

namespace data = boost::unit_test::data;
using Strings = std::vector<std::string>;
using filepath::Rules;

std::ostream& operator<<(std::ostream& os, const Strings& v) {
  os << '{';
  for (const std::string& s : v) os << '[' << s << ']';
  return os << '}';
}

struct EscapeCase {
  std::string in;
  std::string want;
};
std::ostream& operator<<(std::ostream& os, const EscapeCase& c) { return os << '[' << c.in << ']'; }

// syscall's TestEscapeArg, then ours.
const std::vector<EscapeCase> kEscapeArg = {
    {"", R"("")"},
    {"a", "a"},
    {" ", R"(" ")"},
    {R"(\)", R"(\)"},
    {R"(")", R"(\")"},
    {R"(\")", R"(\\\")"},
    {R"(\\")", R"(\\\\\")"},
    {R"(\\ )", R"("\\ ")"},
    {R"( \\)", R"(" \\\\")"},
    {"a ", R"("a ")"},
    {R"(C:\)", R"(C:\)"},
    {R"(C:\Program Files (x32)\Common\)", R"("C:\Program Files (x32)\Common\\")"},
    {R"(C:\Users\Игорь\)", R"(C:\Users\Игорь\)"},
    {R"(Андрей\file)", R"(Андрей\file)"},
    {R"(C:\Windows\temp)", R"(C:\Windows\temp)"},
    {R"(c:\temp\newfile)", R"(c:\temp\newfile)"},
    {R"(\\?\C:\Windows)", R"(\\?\C:\Windows)"},
    {R"(\\?\)", R"(\\?\)"},
    {R"(\\.\C:\Windows\)", R"(\\.\C:\Windows\)"},
    {R"(\\server\share\file)", R"(\\server\share\file)"},
    {R"(\\newserver\tempshare\really.txt)", R"(\\newserver\tempshare\really.txt)"},
    {"a\tb", "\"a\tb\""},  // a tab quotes too
    {R"(say "hi")", R"("say \"hi\"")"},
    {R"(a\"b)", R"(a\\\"b)"},
    {R"(a\\b c\\)", R"("a\\b c\\\\")"},
    {R"(")", R"(\")"},
    {R"("")", R"(\"\")"},
    {R"(a"b c"d)", R"("a\"b c\"d")"},
    {R"(\\\"x y\\)", R"("\\\\\\\"x y\\\\")"},
    {"&|<>^%", "&|<>^%"},
    {R"(a b\)", R"("a b\\")"},
    {R"(x\\)", R"(x\\)"},
};

struct CmdLineCase {
  Strings args;
  std::string want;
};
std::ostream& operator<<(std::ostream& os, const CmdLineCase& c) { return os << c.args; }

// argv[0] is escaped like the rest; cmd.exe's and batch files' arguments get nothing of
// cmd.exe's own quoting ('&' stays bare inside the quotes).
const std::vector<CmdLineCase> kMakeCmdLine = {
    {{}, ""},
    {{""}, R"("")"},
    {{"a"}, "a"},
    {{"a", "b"}, "a b"},
    {{R"(C:\Program Files\kubelogin\kubelogin.exe)", "get-token", "--server-id", "a b"},
     R"("C:\Program Files\kubelogin\kubelogin.exe" get-token --server-id "a b")"},
    {{R"(C:\bin\plugin.exe)", "--flag", "", "a b"}, R"(C:\bin\plugin.exe --flag "" "a b")"},
    // The child reads argv[0] by rules of its own, without escapes: `C:\with space\\`.
    {{R"(C:\with space\)", "x"}, R"("C:\with space\\" x)"},
    {{"cmd.exe", "/c", "echo a&b", R"("q")"}, R"(cmd.exe /c "echo a&b" \"q\")"},
    {{"plugin.bat", "a b", R"(c"d)"}, R"(plugin.bat "a b" c\"d)"},
    {{R"(a"b)", R"(\)"}, R"(a\"b \)"},
};

struct PathExtCase {
  std::string in;
  Strings want;
};
std::ostream& operator<<(std::ostream& os, const PathExtCase& c) {
  return os << '[' << c.in << ']';
}

// Go trims nothing: " .BAT" is the extension ". .bat".
const std::vector<PathExtCase> kPathExtensions = {
    {"", {".com", ".exe", ".bat", ".cmd"}},
    {".COM;.EXE;.BAT;.CMD", {".com", ".exe", ".bat", ".cmd"}},
    {".COM;.EXE;;ps1", {".com", ".exe", ".ps1"}},
    {";", {}},
    {";;", {}},
    {"EXE", {".exe"}},
    {".Py;.PYW;", {".py", ".pyw"}},
    {".EXE; .BAT", {".exe", ". .bat"}},
};

// The current directory is C:\root; `files` are under it, a trailing '\' making a
// directory. Go's lookPathTests ran with NoDefaultCurrentDirectoryInExePath set.
struct LookPathCase {
  std::string name;
  Strings files;
  std::string path;
  std::string pathext;
  bool no_default_current_directory;
  bool knows_same_file;
  std::string search;
  std::string want;
  bool want_err_dot;
};
std::ostream& operator<<(std::ostream& os, const LookPathCase& c) { return os << c.name; }

const std::vector<LookPathCase> kLookPath = {
    {"first match",
     {R"(p1\a.exe)", R"(p2\a.exe)", R"(p2\a)"},
     R"(C:\root\p1;C:\root\p2)",
     "",
     true,
     false,
     "a",
     R"(C:\root\p1\a.exe)",
     false},
    {"dirs with extensions",
     {R"(p1.dir\a)", R"(p2.dir\a.exe)"},
     R"(C:\root\p1.dir;C:\root\p2.dir)",
     "",
     true,
     false,
     "a",
     R"(C:\root\p2.dir\a.exe)",
     false},
    {"first with extension",
     {R"(p1\a.exe)", R"(p2\a.exe)"},
     R"(C:\root\p1;C:\root\p2)",
     "",
     true,
     false,
     "a.exe",
     R"(C:\root\p1\a.exe)",
     false},
    {"specific name",
     {R"(p1\a.exe)", R"(p2\b.exe)"},
     R"(C:\root\p1;C:\root\p2)",
     "",
     true,
     false,
     "b",
     R"(C:\root\p2\b.exe)",
     false},
    {"no extension",
     {R"(p1\b)", R"(p2\a)"},
     R"(C:\root\p1;C:\root\p2)",
     "",
     true,
     false,
     "a",
     "",
     false},
    {"directory, no extension",
     {R"(p1\a.exe)", R"(p2\a.exe)"},
     R"(C:\root\p1;C:\root\p2)",
     "",
     true,
     false,
     R"(p2\a)",
     R"(p2\a.exe)",
     false},
    {"no match",
     {R"(p1\a.exe)", R"(p2\a.exe)"},
     R"(C:\root\p1;C:\root\p2)",
     "",
     true,
     false,
     "b",
     "",
     false},
    {"no match with dir",
     {R"(p1\b.exe)", R"(p2\a.exe)"},
     R"(C:\root\p1;C:\root\p2)",
     "",
     true,
     false,
     R"(p2\b)",
     "",
     false},
    {"extensionless file in CWD ignored",
     {"a", R"(p1\a.exe)", R"(p2\a.exe)"},
     R"(C:\root;C:\root\p1;C:\root\p2)",
     "",
     true,
     false,
     "a",
     R"(C:\root\p1\a.exe)",
     false},
    {"extensionless file in PATH ignored",
     {R"(p1\a)", R"(p2\a.exe)"},
     R"(C:\root\p1;C:\root\p2)",
     "",
     true,
     false,
     "a",
     R"(C:\root\p2\a.exe)",
     false},
    {"specific extension",
     {R"(p1\a.exe)", R"(p2\a.bat)"},
     R"(C:\root\p1;C:\root\p2)",
     "",
     true,
     false,
     "a.bat",
     R"(C:\root\p2\a.bat)",
     false},
    {"mismatched extension",
     {R"(p1\a.exe)", R"(p2\a.exe)"},
     R"(C:\root\p1;C:\root\p2)",
     "",
     true,
     false,
     "a.com",
     "",
     false},
    {"doubled extension",
     {R"(p1\a.exe.exe)"},
     R"(C:\root\p1)",
     "",
     true,
     false,
     "a.exe",
     R"(C:\root\p1\a.exe.exe)",
     false},
    {"extension not in PATHEXT",
     {R"(p1\a.exe)", R"(p2\a.exe)"},
     R"(C:\root\p1;C:\root\p2)",
     ".COM;.BAT",
     true,
     false,
     "a.exe",
     R"(C:\root\p1\a.exe)",
     false},
    {"first allowed by PATHEXT",
     {R"(p1\a.bat)", R"(p2\a.exe)"},
     R"(C:\root\p1;C:\root\p2)",
     ".COM;.EXE",
     true,
     false,
     "a",
     R"(C:\root\p2\a.exe)",
     false},
    {"first directory containing a PATHEXT match",
     {R"(p1\a.bat)", R"(p2\a.exe)"},
     R"(C:\root\p1;C:\root\p2)",
     ".COM;.EXE;.BAT",
     true,
     false,
     "a",
     R"(C:\root\p1\a.bat)",
     false},
    {"first PATHEXT entry",
     {R"(p1\a.bat)", R"(p1\a.exe)", R"(p2\a.bat)", R"(p2\a.exe)"},
     R"(C:\root\p1;C:\root\p2)",
     ".COM;.EXE;.BAT",
     true,
     false,
     "a",
     R"(C:\root\p1\a.exe)",
     false},
    {"ignore dir with PATHEXT extension",
     {R"(a.exe\)"},
     R"(C:\root\a.exe)",
     "",
     true,
     false,
     "a",
     "",
     false},
    {"ignore empty PATH entry",
     {"a.bat", R"(p\a.bat)"},
     R"(C:\root\p)",
     "",
     true,
     false,
     "a",
     R"(C:\root\p\a.bat)",
     false},
    {"return ErrDot if found by a different absolute path",
     {R"(p1\a.bat)", R"(p2\a.bat)"},
     R"(.\p1;C:\root\p2)",
     "",
     true,
     true,
     "a",
     "",
     true},
    {"suppress ErrDot if also found in absolute path",
     {R"(p1\a.bat)", R"(p2\a.bat)"},
     R"(.\p1;C:\root\p1;C:\root\p2)",
     "",
     true,
     true,
     "a",
     R"(C:\root\p1\a.bat)",
     false},
    {"the current directory first: ErrDot",
     {"a.exe", R"(p\a.exe)"},
     R"(C:\root\p)",
     "",
     false,
     false,
     "a",
     "",
     true},
    {"the current directory alone: ErrDot", {"a.exe"}, "", "", false, false, "a", "", true},
    {"the current directory, also on PATH: the absolute name",
     {"a.exe", R"(p\a.exe)"},
     R"(C:\root)",
     "",
     false,
     true,
     "a",
     R"(C:\root\a.exe)",
     false},
    {"the same, not knowing it is the same file: ErrDot",
     {"a.exe"},
     R"(C:\root)",
     "",
     false,
     false,
     "a",
     "",
     true},
    {"NoDefaultCurrentDirectoryInExePath: PATH only",
     {"a.exe", R"(p\a.exe)"},
     R"(C:\root\p)",
     "",
     true,
     false,
     "a",
     R"(C:\root\p\a.exe)",
     false},
    {"NoDefaultCurrentDirectoryInExePath: not found",
     {"a.exe"},
     "",
     "",
     true,
     false,
     "a",
     "",
     false},
    {"a relative entry alone: ErrDot", {R"(rel\a.exe)"}, "rel;", "", true, false, "a", "", true},
    {"a relative entry, then a different file: ErrDot",
     {R"(rel\a.exe)", R"(p\a.exe)"},
     R"(rel;C:\root\p)",
     "",
     true,
     true,
     "a",
     "",
     true},
    {"a relative entry, then the same file absolutely",
     {R"(rel\a.exe)"},
     R"(rel;C:\root\rel)",
     "",
     true,
     true,
     "a",
     R"(C:\root\rel\a.exe)",
     false},
    {"a '.' entry, then the same file absolutely",
     {"a.exe"},
     R"(.;C:\root)",
     "",
     false,
     true,
     "a",
     R"(C:\root\a.exe)",
     false},
    {"a '.' entry alone: ErrDot", {"a.exe"}, ".", "", true, true, "a", "", true},
    {"empty entries skipped",
     {R"(p\a.exe)"},
     R"(;;C:\root\p)",
     "",
     true,
     false,
     "a",
     R"(C:\root\p\a.exe)",
     false},
    {"a quoted entry",
     {R"(odd;dir\a.exe)"},
     R"("C:\root\odd;dir")",
     "",
     true,
     false,
     "a",
     R"(C:\root\odd;dir\a.exe)",
     false},
    {"a path is not searched for, and not ErrDot",
     {R"(p\a.exe)"},
     R"(C:\elsewhere)",
     "",
     false,
     false,
     R"(p\a)",
     R"(p\a.exe)",
     false},
    {"a forward slash makes a path",
     {R"(p\a.exe)"},
     R"(C:\root\p)",
     "",
     false,
     false,
     "p/a",
     "p/a.exe",
     false},
    {"a drive makes a path", {R"(p\a.exe)"}, R"(C:\root\p)", "", true, false, "C:a", "", false},
    {"an absolute path with its extension",
     {R"(p\a.exe)"},
     "",
     "",
     false,
     false,
     R"(C:\root\p\a.exe)",
     R"(C:\root\p\a.exe)",
     false},
    {"an absolute path missing", {R"(p\a.exe)"}, "", "", false, false, R"(C:\root\p\b)", "", false},
    {"a name with an extension, then extensions appended",
     {R"(p\a.bat.exe)"},
     R"(C:\root\p)",
     "",
     true,
     false,
     "a.bat",
     R"(C:\root\p\a.bat.exe)",
     false},
    {"PATHEXT of no extensions: any file",
     {R"(p\a)"},
     R"(C:\root\p)",
     ";",
     true,
     false,
     "a",
     R"(C:\root\p\a)",
     false},
    {"PATHEXT entries without a dot",
     {R"(p\a.exe)"},
     R"(C:\root\p)",
     "exe",
     true,
     false,
     "a",
     R"(C:\root\p\a.exe)",
     false},
    {"extensions appended lower-cased",
     {R"(p\a.EXE)", R"(q\a.exe)"},
     R"(C:\root\p;C:\root\q)",
     ".EXE",
     true,
     false,
     "a",
     R"(C:\root\q\a.exe)",
     false},
    {"empty name", {R"(p\.exe)"}, R"(C:\root\p)", "", false, false, "", "", false},
    {"dot", {R"(p\..exe)"}, R"(C:\root\p)", "", false, false, ".", "", false},
    {"dot dot", {R"(p\...exe)"}, R"(C:\root\p)", "", false, false, "..", "", false},
    {"kubectl plugin",
     {R"(bin\kubectl-pvcwatch.exe)"},
     R"(C:\Windows\system32;C:\root\bin)",
     "",
     true,
     false,
     "kubectl-pvcwatch",
     R"(C:\root\bin\kubectl-pvcwatch.exe)",
     false},
};

// A file system as os.Stat and os.SameFile see it: relative names from C:\root.
struct FakeFiles {
  std::set<std::string> files, dirs;
  explicit FakeFiles(const Strings& names) {
    for (const std::string& name : names) {
      const std::string absolute = filepath::Join({R"(C:\root)", name}, Rules::kWindows);
      (name.back() == '\\' ? dirs : files).insert(absolute);
    }
  }
  static std::string Resolve(const std::string& name) {
    if (filepath::IsAbs(name, Rules::kWindows)) return name;
    return filepath::Join({R"(C:\root)", name}, Rules::kWindows);
  }
  bool IsFile(const std::string& name) const { return files.count(Resolve(name)) > 0; }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cmdline_test)

BOOST_DATA_TEST_CASE(escape_arg_is_gos, data::make(kEscapeArg), c) {
  BOOST_TEST(EscapeArg(c.in) == c.want);
}

BOOST_DATA_TEST_CASE(make_cmd_line_is_gos, data::make(kMakeCmdLine), c) {
  BOOST_TEST(MakeCmdLine(c.args) == c.want);
}

BOOST_DATA_TEST_CASE(path_extensions_are_gos, data::make(kPathExtensions), c) {
  BOOST_TEST(PathExtensions(c.in) == c.want);
}

BOOST_DATA_TEST_CASE(look_path_is_gos, data::make(kLookPath), c) {
  const FakeFiles fake(c.files);
  auto is_file = [&](const std::string& name) { return fake.IsFile(name); };
  auto same_file = [](const std::string& a, const std::string& b) {
    return FakeFiles::Resolve(a) == FakeFiles::Resolve(b);
  };
  bool err_dot = !c.want_err_dot;  // set either way
  const std::string found = c.knows_same_file
                                ? LookPathWindows(c.search, c.path, c.pathext, is_file, &err_dot,
                                                  c.no_default_current_directory, same_file)
                                : LookPathWindows(c.search, c.path, c.pathext, is_file, &err_dot,
                                                  c.no_default_current_directory);
  BOOST_TEST(found == c.want);
  BOOST_TEST(err_dot == c.want_err_dot);
}

BOOST_AUTO_TEST_CASE(look_path_takes_no_err_dot_pointer) {
  auto is_file = [](const std::string& name) { return name == "a.exe"; };
  BOOST_TEST(LookPathWindows("a", "", "", is_file, nullptr) == "");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::go
