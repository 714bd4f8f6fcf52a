#include "pvc/action.h"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "../kubeconfig/temp_dir.h"

namespace pvcwatch::pvc {
namespace {

using namespace std::chrono_literals;
using kubeconfig::testing::TempDir;

// Lines the runner reports, collected from its supervising thread.
struct Reports {
  std::mutex mutex;
  std::vector<std::string> lines;
  ActionRunner::Reporter Reporter() {
    return [this](const std::string& line) {
      std::lock_guard lock(mutex);
      lines.push_back(line);
    };
  }
  std::vector<std::string> Taken() {
    std::lock_guard lock(mutex);
    return lines;
  }
};

ActionRunner::Env Crossing(const std::string& event, const std::string& total) {
  return {{"PVCWATCH_EVENT", event}, {"PVCWATCH_TOTAL", total}};
}

// The pids an action wrote (its shell's, then each child's), once it has written them.
std::vector<int> Pids(const std::filesystem::path& file) {
  std::vector<int> pids;
  for (int tries = 0; tries < 500 && pids.empty(); ++tries) {
    std::ifstream in(file);
    for (int pid; in >> pid;) pids.push_back(pid);
    if (pids.empty()) std::this_thread::sleep_for(10ms);  // the child is starting
  }
  return pids;
}

// Running, as opposed to gone or a zombie (a child of init's that nobody reaps here).
bool Alive(int pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  size_t paren = text.rfind(')');
  return paren != std::string::npos && paren + 2 < text.size() && text[paren + 2] != 'Z';
}

}  // namespace

BOOST_AUTO_TEST_SUITE(action_test)

BOOST_AUTO_TEST_CASE(stop_ends_a_running_action_and_its_children) {
  TempDir dir;
  const auto pids = std::filesystem::path(dir.path()) / "pids";
  Reports reports;
  ActionLimits limits;
  limits.stop_grace = 2s;
  ActionRunner runner("sleep 60 & echo $$ $! > " + pids.string() + ".tmp; mv " + pids.string() +
                          ".tmp " + pids.string() + "; wait",
                      limits, reports.Reporter());
  runner.Start(Crossing("overage", "2Gi"));
  std::vector<int> started = Pids(pids);
  BOOST_TEST_REQUIRE(started.size() == 2u);
  BOOST_TEST(Alive(started[1]));
  runner.Stop();
  BOOST_TEST(!Alive(started[0]));  // ours, reaped
  for (int tries = 0; tries < 100 && Alive(started[1]); ++tries) std::this_thread::sleep_for(10ms);
  BOOST_TEST(!Alive(started[1]));  // its child, ended with the process group
  BOOST_TEST(runner.Join(1s));
  BOOST_TEST(reports.Taken().empty());
}

BOOST_AUTO_TEST_CASE(crossings_beyond_the_running_limit_keep_only_the_latest) {
  TempDir dir;
  Reports reports;
  ActionLimits limits;
  limits.max_running = 1;
  limits.stop_grace = 1s;
  const auto log = std::filesystem::path(dir.path()) / "log";
  // Each action records its crossing and then blocks until Stop.
  ActionRunner runner(
      "echo \"$PVCWATCH_EVENT $PVCWATCH_TOTAL\" >> " + log.string() + "; exec sleep 60", limits,
      reports.Reporter());
  runner.Start(Crossing("overage", "1"));
  runner.Start(Crossing("normal", "2"));
  runner.Start(Crossing("overage", "3"));
  runner.Start(Crossing("normal", "4"));
  for (int tries = 0; tries < 500 && !std::filesystem::exists(log); ++tries) {
    std::this_thread::sleep_for(10ms);
  }
  runner.Stop();
  BOOST_TEST_REQUIRE(runner.Join(1s));
  std::ifstream in(log);
  std::string first;
  std::getline(in, first);
  BOOST_TEST(first == "overage 1");
  std::string more;
  BOOST_TEST(!std::getline(in, more));  // the others waited, and Stop dropped the last
  const std::vector<std::string> lines = reports.Taken();
  BOOST_TEST_REQUIRE(lines.size() == 2u);
  BOOST_TEST(lines[0] ==
             "action for normal at 2 skipped: 1 actions still running and a later "
             "crossing came");
  BOOST_TEST(lines[1] ==
             "action for overage at 3 skipped: 1 actions still running and a later "
             "crossing came");
}

BOOST_AUTO_TEST_CASE(an_action_past_its_timeout_is_killed_and_reported) {
  Reports reports;
  ActionLimits limits;
  limits.timeout = 100ms;
  ActionRunner runner("exec sleep 60", limits, reports.Reporter());
  runner.Start(Crossing("overage", "1"));
  for (int tries = 0; tries < 500 && reports.Taken().empty(); ++tries) {
    std::this_thread::sleep_for(10ms);
  }
  const std::vector<std::string> lines = reports.Taken();
  BOOST_TEST_REQUIRE(lines.size() == 1u);
  BOOST_TEST(lines[0] == "action timed out after 0 s and was killed: exec sleep 60");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::pvc
