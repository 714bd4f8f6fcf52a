#include "go/exec.h"

#include <signal.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "../rest/plugin_dir.h"

namespace pvcwatch::go {
namespace {

using rest::testing::PluginDir;
using Status = ChildProcessResult::Status;

ChildProcessSpec Spec(const std::string& command, std::vector<std::string> args = {}) {
  ChildProcessSpec spec;
  spec.command = command;
  spec.args = std::move(args);
  spec.env = {"PATH=/usr/bin:/bin"};
  spec.path = "/usr/bin:/bin";
  spec.timeout = std::chrono::seconds(10);
  return spec;
}

BOOST_AUTO_TEST_SUITE(exec_test)

BOOST_AUTO_TEST_CASE(look_path_takes_the_first_executable_in_an_absolute_entry) {
  PluginDir dir;
  std::filesystem::create_directories(dir.path() + "/a/tool");  // a directory: skipped
  std::filesystem::create_directories(dir.path() + "/b");
  dir.Write("b/tool", "#!/bin/sh\n", 0644);  // not executable: skipped
  std::filesystem::create_directories(dir.path() + "/c");
  std::string tool = dir.Write("c/tool", "#!/bin/sh\n", 0755);
  std::string path = dir.path() + "/a:" + dir.path() + "/b:" + dir.path() + "/c/";
  BOOST_TEST(LookPath("tool", path) == dir.path() + "/c/tool");
  BOOST_TEST(LookPath("missing", path).empty());
  BOOST_TEST(LookPath(tool, "") == tool);  // a path is not searched for
}

BOOST_AUTO_TEST_CASE(look_path_refuses_relative_entries_like_go) {
  // exec.ErrDot: a program found through "." or a relative entry is not run, even when
  // a later absolute entry has one too.
  PluginDir dir;
  std::filesystem::create_directories(dir.path() + "/abs");
  dir.Write("abs/tool", "#!/bin/sh\n", 0755);
  std::filesystem::path cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  BOOST_TEST(LookPath("tool", "abs:" + dir.path() + "/abs").empty());
  BOOST_TEST(LookPath("tool", ":" + dir.path() + "/abs") == dir.path() + "/abs/tool");
  std::filesystem::current_path(cwd);
}

BOOST_AUTO_TEST_CASE(merge_environment_keeps_the_last_value_of_each_name) {
  std::vector<std::string> merged =
      MergeEnvironment({"PATH=/bin", "FOO=parent", "KEEP=1"}, {"FOO=child", "NEW=x", "NEW=y"});
  BOOST_TEST(merged == (std::vector<std::string>{"PATH=/bin", "KEEP=1", "FOO=child", "NEW=y"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(captures_stdout_and_exit_status) {
  ChildProcessResult result = RunChildProcess(Spec("sh", {"-c", "printf 'out put'; exit 7"}));
  BOOST_TEST(static_cast<int>(result.status) == static_cast<int>(Status::kExited));
  BOOST_TEST(result.exit_code == 7);
  BOOST_TEST(result.output == "out put");
}

BOOST_AUTO_TEST_CASE(exit_code_is_minus_one_after_a_signal) {
  ChildProcessResult result = RunChildProcess(Spec("sh", {"-c", "kill -9 $$"}));
  BOOST_TEST(result.exit_code == -1);
}

BOOST_AUTO_TEST_CASE(environment_is_exactly_the_given_one) {
  ChildProcessSpec spec = Spec("sh", {"-c", "env"});
  spec.env = {"ONLY=this", "PATH=/usr/bin:/bin"};
  ChildProcessResult result = RunChildProcess(spec);
  BOOST_TEST(result.output.find("ONLY=this\n") != std::string::npos);
  BOOST_TEST(result.output.find("HOME=") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(no_descriptor_leaks_into_the_child) {
  ChildProcessResult result = RunChildProcess(Spec("sh", {"-c", "ls /proc/self/fd"}));
  // 0, 1, 2 and the one ls opens to read the directory.
  BOOST_TEST(result.output == "0\n1\n2\n3\n");
}

BOOST_AUTO_TEST_CASE(start_failures_carry_go_errno_text) {
  PluginDir dir;
  std::string not_executable = dir.Write("plain", "#!/bin/sh\n", 0644);
  std::string no_shebang = dir.Write("script", "echo hi\n", 0755);
  struct {
    std::string command;
    std::string error;
  } cases[] = {{dir.path() + "/missing", "no such file or directory"},
               {not_executable, "permission denied"},
               {no_shebang, "exec format error"}};
  for (const auto& c : cases) {
    ChildProcessResult result = RunChildProcess(Spec(c.command));
    BOOST_TEST(static_cast<int>(result.status) == static_cast<int>(Status::kStartFailed));
    BOOST_TEST(result.error == c.error);
  }
  BOOST_TEST(static_cast<int>(RunChildProcess(Spec("pvcwatch-no-such-tool")).status) ==
             static_cast<int>(Status::kNotFound));
}

BOOST_AUTO_TEST_CASE(a_hanging_child_is_killed_at_the_timeout) {
  ChildProcessSpec spec = Spec("sh", {"-c", "exec sleep 30"});
  spec.timeout = std::chrono::milliseconds(200);
  auto start = std::chrono::steady_clock::now();
  ChildProcessResult result = RunChildProcess(spec);
  BOOST_TEST(static_cast<int>(result.status) == static_cast<int>(Status::kTimedOut));
  BOOST_TEST((std::chrono::steady_clock::now() - start < std::chrono::seconds(5)));
}

BOOST_AUTO_TEST_CASE(output_beyond_the_cap_kills_the_child) {
  ChildProcessSpec spec = Spec("sh", {"-c", "exec yes"});
  spec.max_output = 1024;
  ChildProcessResult result = RunChildProcess(spec);
  BOOST_TEST(static_cast<int>(result.status) == static_cast<int>(Status::kOutputTooLarge));
}

BOOST_AUTO_TEST_CASE(a_process_group_reports_its_exit_and_gets_only_its_env) {
  PluginDir dir;
  const std::string out = dir.path() + "/out";
  std::optional<ProcessGroup> p = ProcessGroup::Start(
      {"/bin/sh", "-c",
       "echo \"$ONLY\" > '" + out + "'; ls /proc/self/fd >> '" + out + "'; exit 3"},
      {"ONLY=this"}, nullptr);
  BOOST_REQUIRE(p.has_value());
  const ExitStatus status = p->Wait();
  BOOST_TEST(status.exit_code == 3);
  BOOST_TEST(status.signal == 0);
  std::ifstream in(out);
  std::string first, fds, fd;
  std::getline(in, first);
  while (in >> fd) fds += fd + " ";
  BOOST_TEST(first == "this");
  BOOST_TEST(fds == "0 1 2 3 ");  // 3 is ls's own directory handle; none of ours leaked
}

BOOST_AUTO_TEST_CASE(terminate_reaches_the_whole_group) {
  // The leader waits on a grandchild; both must end on one Terminate.
  std::optional<ProcessGroup> p =
      ProcessGroup::Start({"/bin/sh", "-c", "sleep 30 & wait"}, {"PATH=/usr/bin:/bin"}, nullptr);
  BOOST_REQUIRE(p.has_value());
  BOOST_TEST(!p->Poll().has_value());
  p->Terminate();
  const ExitStatus status = p->Wait();
  BOOST_TEST(status.exit_code == -1);
  BOOST_TEST(status.signal == SIGTERM);
  // Nothing of the group is left once the signalled sleep is gone too (it was reparented,
  // so its end is not ours to wait for).
  bool gone = false;
  for (int tries = 0; tries < 500 && !gone; ++tries) {
    gone = ::kill(-p->pid(), 0) != 0;
    if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  BOOST_TEST(gone);
}

BOOST_AUTO_TEST_CASE(ended_does_not_reap) {
  std::optional<ProcessGroup> p = ProcessGroup::Start({"/bin/sh", "-c", "exit 0"}, {}, nullptr);
  BOOST_REQUIRE(p.has_value());
  while (!p->Ended()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  BOOST_TEST(p->Poll().value().exit_code == 0);  // still there to be reaped
}

BOOST_AUTO_TEST_CASE(a_program_that_cannot_start_gives_go_text) {
  std::string error;
  BOOST_TEST(!ProcessGroup::Start({"/nonexistent/sh"}, {}, &error).has_value());
  BOOST_TEST(error == "no such file or directory");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::go
