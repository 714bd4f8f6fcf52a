#include "rest/exec_authenticator.h"

#include <fcntl.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "plugin_dir.h"
#include "rest/errors.h"

namespace pvcwatch::rest {
namespace {

using testing::PluginDir;
using Clock = std::chrono::system_clock;

constexpr char kV1[] = "client.authentication.k8s.io/v1";
const Clock::time_point kNoon = Clock::from_time_t(1893585600);  // 2030-01-02T12:00:00Z

// A plugin in a private directory, a fake clock and a fake terminal.
struct Fixture {
  PluginDir dir;
  Clock::time_point now = kNoon;
  bool terminal = false;
  ExecConfig config;

  Fixture() {
    config.command = dir.WriteRecordingPlugin();
    config.api_version = kV1;
    config.interactive_mode = "Never";
    Output(R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",)"
           R"("status":{"token":"t1"}})");
  }

  void Output(const std::string& json) { dir.Write("output", json); }

  ExecAuthenticator::Environment Env() {
    ExecAuthenticator::Environment env = ExecAuthenticator::ProcessEnvironment();
    env.now = [this] { return now; };
    env.stdin_is_terminal = [this] { return terminal; };
    env.environment = [] { return std::vector<std::string>{"PATH=/usr/bin:/bin", "FOO=parent"}; };
    return env;
  }

  ExecAuthenticator Make(std::optional<ExecClusterInfo> cluster = std::nullopt) {
    return ExecAuthenticator(config, std::move(cluster), Env());
  }

  std::string Error(ExecAuthenticator& exec) {
    try {
      exec.Get();
    } catch (const ExecError& e) {
      return e.what();
    }
    return "(no error)";
  }
};

BOOST_AUTO_TEST_SUITE(exec_authenticator_test)

BOOST_FIXTURE_TEST_CASE(caches_the_credential_until_it_expires, Fixture) {
  Output(R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",)"
         R"("status":{"token":"t1","expirationTimestamp":"2030-01-02T12:00:10Z"}})");
  ExecAuthenticator exec = Make();
  BOOST_TEST(exec.Get()->token == "t1");
  now += std::chrono::seconds(10);  // exactly at the expiry: still good (client-go: After)
  BOOST_TEST(exec.Get()->token == "t1");
  BOOST_TEST(exec.runs() == 1);
  now += std::chrono::seconds(1);
  exec.Get();
  BOOST_TEST(exec.runs() == 2);
}

BOOST_FIXTURE_TEST_CASE(without_expiry_it_runs_again_only_after_a_401, Fixture) {
  ExecAuthenticator exec = Make();
  auto first = exec.Get();
  now += std::chrono::hours(24);
  BOOST_TEST(exec.Get() == first);
  BOOST_TEST(exec.runs() == 1);
  Output(R"({"apiVersion":"client.authentication.k8s.io/v1","status":{"token":"t2"}})");
  BOOST_TEST(exec.RefreshAfterUnauthorized(first));
  BOOST_TEST(exec.runs() == 2);
  BOOST_TEST(exec.Get()->token == "t2");
  // A second request that failed with the old credential does not run it again.
  BOOST_TEST(exec.RefreshAfterUnauthorized(first));
  BOOST_TEST(exec.runs() == 2);
}

BOOST_FIXTURE_TEST_CASE(a_failed_refresh_keeps_the_credential, Fixture) {
  ExecAuthenticator exec = Make();
  auto first = exec.Get();
  dir.Write("status", "1");
  BOOST_TEST(!exec.RefreshAfterUnauthorized(first));
  BOOST_TEST(exec.Get() == first);
}

BOOST_FIXTURE_TEST_CASE(env_entries_and_exec_info_reach_the_child_only, Fixture) {
  config.env = {{"FOO", "child"}, {"PVCWATCH_TEST_ENTRY", "a b=c"}};
  ExecAuthenticator::Environment env = Env();
  env.environment = ExecAuthenticator::ProcessEnvironment().environment;  // the real one
  ExecAuthenticator exec(config, std::nullopt, env);
  exec.Get();
  std::string child = dir.Read("env");
  BOOST_TEST(child.find("\nFOO=child\n") != std::string::npos);
  BOOST_TEST(child.find("\nPVCWATCH_TEST_ENTRY=a b=c\n") != std::string::npos);
  BOOST_TEST(child.find("KUBERNETES_EXEC_INFO={\"kind\":\"ExecCredential\",\"apiVersion\":"
                        "\"client.authentication.k8s.io/v1\",\"spec\":{\"interactive\":"
                        "false}}\n") != std::string::npos);
  BOOST_TEST(std::getenv("PVCWATCH_TEST_ENTRY") == nullptr);
  BOOST_TEST(std::getenv("KUBERNETES_EXEC_INFO") == nullptr);
}

BOOST_FIXTURE_TEST_CASE(cluster_info_only_with_provide_cluster_info, Fixture) {
  ExecClusterInfo cluster;
  cluster.server = "https://10.0.0.1:6443";
  ExecAuthenticator without = Make(cluster);
  without.Get();
  BOOST_TEST(dir.Read("env").find("\"cluster\"") == std::string::npos);
  config.provide_cluster_info = true;
  ExecAuthenticator with = Make(cluster);
  with.Get();
  BOOST_TEST(dir.Read("env").find("\"spec\":{\"cluster\":{\"server\":\"https://10.0.0.1:6443\","
                                  "\"config\":null},\"interactive\":false}") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(arguments_are_passed_without_a_shell, Fixture) {
  config.args = {"a b", "$(touch injected)", "*", "'q'", ""};
  ExecAuthenticator exec = Make();
  exec.Get();
  BOOST_TEST(dir.Read("args") == "a b\n$(touch injected)\n*\n'q'\n\n");
  BOOST_TEST(!dir.Exists("injected"));
}

BOOST_FIXTURE_TEST_CASE(stdin_is_the_null_device_unless_interactive, Fixture) {
  ExecAuthenticator never = Make();
  never.Get();
  BOOST_TEST(dir.Read("stdin") == "/dev/null\n");
  config.interactive_mode = "IfAvailable";
  ExecAuthenticator no_terminal = Make();
  no_terminal.Get();
  BOOST_TEST(dir.Read("stdin") == "/dev/null\n");
  terminal = true;
  ExecAuthenticator with_terminal = Make();
  with_terminal.Get();
  BOOST_TEST(dir.Read("env").find("\"spec\":{\"interactive\":true}") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(interactive_mode_errors_are_client_go_s, Fixture) {
  config.interactive_mode = "Always";
  ExecAuthenticator always = Make();
  BOOST_TEST(Error(always) ==
             "exec plugin cannot support interactive mode: standard input is not a terminal");
  config.interactive_mode = "Sometimes";
  ExecAuthenticator unknown = Make();
  BOOST_TEST(Error(unknown) ==
             "exec plugin cannot support interactive mode: unknown interactiveMode: "
             "\"Sometimes\"");
  BOOST_TEST(!dir.Exists("runs"));
}

BOOST_FIXTURE_TEST_CASE(missing_command_shows_the_install_hint_ten_times_an_hour, Fixture) {
  config.command = "pvcwatch-no-such-plugin";
  config.install_hint = "Install it with: apt install foo";
  ExecAuthenticator exec = Make();
  const std::string full =
      "exec: executable pvcwatch-no-such-plugin not found\n\nIt looks like you are trying to "
      "use a client-go credential plugin that is not installed.\n\nTo learn more about this "
      "feature, consult the documentation available at:\n      "
      "https://kubernetes.io/docs/reference/access-authn-authz/authentication/"
      "#client-go-credential-plugins\n\nInstall it with: apt install foo";
  for (int i = 0; i < 10; ++i) BOOST_TEST(Error(exec) == full);
  BOOST_TEST(Error(exec) == "exec: executable pvcwatch-no-such-plugin not found");
  now += std::chrono::hours(1);
  BOOST_TEST(Error(exec) == full);
}

BOOST_FIXTURE_TEST_CASE(failures_are_worded_as_client_go, Fixture) {
  dir.Write("status", "3");
  config.command = dir.path() + "/./plugin";  // client-go cleans the path
  ExecAuthenticator failing = Make();
  BOOST_TEST(Error(failing) ==
             "exec: executable " + dir.path() + "/plugin failed with exit code 3");

  config.command = dir.Write("killed", "#!/bin/sh\nkill -9 $$\n", 0755);
  ExecAuthenticator killed = Make();
  BOOST_TEST(Error(killed) == "exec: executable " + config.command + " failed with exit code -1");

  config.command = dir.Write("not-executable", "#!/bin/sh\n", 0644);
  ExecAuthenticator denied = Make();
  BOOST_TEST(Error(denied) == "exec: fork/exec " + config.command + ": permission denied");

  dir.Write("status", "0");
  dir.Write("output", "garbage\n");
  config.command = dir.path() + "/plugin";
  ExecAuthenticator garbage = Make();
  BOOST_TEST(Error(garbage).rfind("decoding stdout: couldn't get version/kind;", 0) == 0);
}

BOOST_FIXTURE_TEST_CASE(a_hanging_plugin_is_stopped, Fixture) {
  config.command = dir.Write("hang", "#!/bin/sh\nexec sleep 30\n", 0755);
  ExecAuthenticator::Environment env = Env();
  env.timeout = std::chrono::milliseconds(200);
  ExecAuthenticator exec(config, std::nullopt, env);
  BOOST_TEST(Error(exec) == "exec: executable " + config.command + " did not finish within 200ms");
}

BOOST_AUTO_TEST_CASE(plugins_get_a_minute_or_ten_with_a_terminal) {
  const ExecAuthenticator::Environment env = ExecAuthenticator::ProcessEnvironment();
  BOOST_TEST(env.timeout.count() == 60000);
  BOOST_TEST(env.interactive_timeout.count() == 600000);
}

BOOST_FIXTURE_TEST_CASE(stderr_passes_through, Fixture) {
  dir.Write("say", "plugin says hello\n");
  std::string captured = dir.path() + "/stderr";
  int saved = ::dup(STDERR_FILENO);
  int file = ::open(captured.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ::dup2(file, STDERR_FILENO);
  ExecAuthenticator exec = Make();
  exec.Get();
  ::dup2(saved, STDERR_FILENO);
  ::close(saved);
  ::close(file);
  BOOST_TEST(dir.Read("stderr") == "plugin says hello\n");
}

BOOST_FIXTURE_TEST_CASE(client_certificate_credentials, Fixture) {
  Output(R"({"apiVersion":"client.authentication.k8s.io/v1","status":)"
         R"({"clientCertificateData":"CERT","clientKeyData":"KEY"}})");
  ExecAuthenticator exec = Make();
  auto credential = exec.Get();
  BOOST_TEST(credential->token.empty());
  BOOST_TEST(credential->client_certificate_data == "CERT");
  BOOST_TEST(credential->client_key_data == "KEY");
}

BOOST_FIXTURE_TEST_CASE(only_v1_and_v1beta1_are_accepted, Fixture) {
  config.api_version = "client.authentication.k8s.io/v1alpha1";
  BOOST_CHECK_EXCEPTION(Make(), ConfigError, [](const ConfigError& e) {
    return std::string(e.what()) ==
           "exec plugin: invalid apiVersion \"client.authentication.k8s.io/v1alpha1\"";
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::rest
