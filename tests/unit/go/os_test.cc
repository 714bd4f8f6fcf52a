#include "go/os.h"

#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <string>

namespace pvcwatch::go {

BOOST_AUTO_TEST_SUITE(os_test)

BOOST_AUTO_TEST_CASE(errno_text_is_go_syscall_text) {
  BOOST_TEST(ErrnoText(ENOENT) == "no such file or directory");
  BOOST_TEST(ErrnoText(EISDIR) == "is a directory");
  BOOST_TEST(ErrnoText(EFBIG) == "file too large");
  BOOST_TEST(ErrnoText(ELOOP) ==
             "too many levels of symbolic links");  // musl: "symbolic link loop"
  BOOST_TEST(ErrnoText(ENOEXEC) == "exec format error");
}

BOOST_AUTO_TEST_CASE(read_file_fails_with_go_text_for_each_cause) {
  char pattern[] = "/tmp/pvcwatch-os-test-XXXXXX";
  const std::string dir = ::mkdtemp(pattern);
  std::string error;
  bool missing = false;
  BOOST_TEST(!ReadFile(dir + "/none", &error, &missing));
  BOOST_TEST(missing);
  BOOST_TEST(error == "open " + dir + "/none: no such file or directory");
  BOOST_TEST(!ReadFile(dir, &error, &missing));
  BOOST_TEST(!missing);
  BOOST_TEST(error == "read " + dir + ": is a directory");
  std::ofstream(dir + "/f") << "twelve bytes";
  BOOST_TEST(ReadFile(dir + "/f").value() == "twelve bytes");
  BOOST_TEST(ReadFile(dir + "/f", &error, nullptr, 12).value() == "twelve bytes");
  BOOST_TEST(!ReadFile(dir + "/f", &error, nullptr, 11));
  BOOST_TEST(error == "read " + dir + "/f: file too large");
  std::remove((dir + "/f").c_str());
  ::rmdir(dir.c_str());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::go
