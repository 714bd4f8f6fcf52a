#include "go/cmdline.h"

#include <boost/test/unit_test.hpp>
#include <set>
#include <string>
#include <vector>

namespace pvcwatch::go {

BOOST_AUTO_TEST_SUITE(cmdline_test)

BOOST_AUTO_TEST_CASE(arguments_escaped_as_command_line_to_argv_reads_them) {
  BOOST_TEST(EscapeArg("") == "\"\"");
  BOOST_TEST(EscapeArg("plain") == "plain");
  BOOST_TEST(EscapeArg("two words") == "\"two words\"");
  BOOST_TEST(EscapeArg("C:\\dir\\file") == "C:\\dir\\file");  // no quote follows: literal
  BOOST_TEST(EscapeArg("say \"hi\"") == "\"say \\\"hi\\\"\"");
  BOOST_TEST(EscapeArg("a\\\"b") == "a\\\\\\\"b");
  BOOST_TEST(EscapeArg("C:\\with space\\") == "\"C:\\with space\\\\\"");
  BOOST_TEST(MakeCmdLine({"C:\\bin\\plugin.exe", "--flag", "", "a b"}) ==
             "C:\\bin\\plugin.exe --flag \"\" \"a b\"");
}

BOOST_AUTO_TEST_CASE(path_extensions_from_pathext) {
  using V = std::vector<std::string>;
  BOOST_TEST(PathExtensions("") == (V{".com", ".exe", ".bat", ".cmd"}));
  BOOST_TEST(PathExtensions(".COM;.EXE;;ps1") == (V{".com", ".exe", ".ps1"}));
}

BOOST_AUTO_TEST_CASE(look_path_searches_path_with_pathext) {
  const std::set<std::string> files = {
      "C:\\bin\\plugin.cmd", "C:\\tools\\plugin.exe", "C:\\bin\\tool.bat.exe", "C:\\bin\\x.exe",
      "local.exe",           "rel\\relative.exe"};
  auto is_file = [&](const std::string& f) { return files.count(f) > 0; };
  bool err_dot = false;
  const std::string path = "C:\\bin;\"C:\\tools\"";
  // The first entry holding any PATHEXT form wins, in PATHEXT's order within an entry.
  BOOST_TEST(LookPathWindows("plugin", path, "", is_file, &err_dot) == "C:\\bin\\plugin.cmd");
  BOOST_TEST(LookPathWindows("plugin", path, ".EXE;.CMD", is_file, &err_dot) ==
             "C:\\bin\\plugin.cmd");
  BOOST_TEST(LookPathWindows("plugin", path, ".EXE", is_file, &err_dot) == "C:\\tools\\plugin.exe");
  // A name with an extension is tried as it is, then with the extensions appended.
  BOOST_TEST(LookPathWindows("x.exe", path, "", is_file, &err_dot) == "C:\\bin\\x.exe");
  BOOST_TEST(LookPathWindows("tool.bat", path, "", is_file, &err_dot) == "C:\\bin\\tool.bat.exe");
  // A path is not searched for.
  BOOST_TEST(LookPathWindows("C:\\bin\\plugin", path, "", is_file, &err_dot) ==
             "C:\\bin\\plugin.cmd");
  BOOST_TEST(LookPathWindows("missing", path, "", is_file, &err_dot) == "");
  BOOST_TEST(!err_dot);
  // Found in the current directory, or through a relative entry: exec.ErrDot.
  BOOST_TEST(LookPathWindows("local", path, "", is_file, &err_dot) == "");
  BOOST_TEST(err_dot);
  BOOST_TEST(LookPathWindows("relative", "rel;C:\\bin", "", is_file, &err_dot) == "");
  BOOST_TEST(err_dot);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::go
