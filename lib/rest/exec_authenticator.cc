#include "rest/exec_authenticator.h"

#include <utility>

#include "go/exec.h"
#include "go/filepath.h"
#include "go/os.h"
#include "go/strings.h"
#include "rest/errors.h"

namespace pvcwatch::rest {
namespace {

constexpr char kInstallHintVerboseHelp[] =
    "\n\nIt looks like you are trying to use a client-go credential plugin that is not "
    "installed.\n\nTo learn more about this feature, consult the documentation available "
    "at:\n      https://kubernetes.io/docs/reference/access-authn-authz/authentication/"
    "#client-go-credential-plugins";
constexpr int kHintsPerWindow = 10;
constexpr auto kHintWindow = std::chrono::hours(1);

// The child's PATH (on Windows any case of the name, "Path" being usual).
std::string PathOf(const std::vector<std::string>& env) {
  for (const std::string& entry : env) {
    std::string name = entry.substr(0, 5);
    if (go::filepath::kNative == go::filepath::Rules::kWindows) name = go::ToLower(name);
    if (name == "PATH=" || name == "path=") return entry.substr(5);
  }
  return "";
}

std::string FormatDuration(std::chrono::milliseconds d) {
  if (d.count() % 1000 == 0) return std::to_string(d.count() / 1000) + "s";
  return std::to_string(d.count()) + "ms";
}

}  // namespace

ExecAuthenticator::Environment ExecAuthenticator::ProcessEnvironment() {
  Environment environment;
  environment.now = [] { return std::chrono::system_clock::now(); };
  environment.stdin_is_terminal = [] { return go::IsTerminal(0); };
  environment.environment = [] { return go::Environ(); };
  return environment;
}

ExecAuthenticator::ExecAuthenticator(ExecConfig config, std::optional<ExecClusterInfo> cluster,
                                     Environment environment)
    : config_(std::move(config)),
      command_(go::filepath::Clean(config_.command)),  // as client-go does
      cluster_(std::move(cluster)),
      environment_(std::move(environment)) {
  // client-go accepts exactly these two (v1alpha1 was removed in 1.24).
  if (config_.api_version != "client.authentication.k8s.io/v1" &&
      config_.api_version != "client.authentication.k8s.io/v1beta1") {
    throw ConfigError("exec plugin: invalid apiVersion \"" + config_.api_version + "\"");
  }
}

int ExecAuthenticator::runs() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return runs_;
}

std::shared_ptr<const ExecCredential> ExecAuthenticator::Get() {
  // The lock also serialises runs: an interactive plugin must not prompt twice at once.
  std::lock_guard<std::mutex> lock(mutex_);
  // client-go credsExpired: strictly after the expiry; no expiry means "keep it".
  if (cached_ && !(cached_->expiration && environment_.now() > *cached_->expiration)) {
    return cached_;
  }
  return RunLocked();
}

bool ExecAuthenticator::RefreshAfterUnauthorized(
    const std::shared_ptr<const ExecCredential>& used) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (cached_ != used) return true;  // another request already rotated it
  try {
    RunLocked();
  } catch (const ExecError&) {
    return false;
  }
  return cached_ != used;
}

bool ExecAuthenticator::Interactive() const {
  // client-go isInteractive (the StdinUnavailable cases never apply to this command).
  const std::string& mode = config_.interactive_mode;
  if (mode == "Never") return false;
  if (mode == "IfAvailable") return environment_.stdin_is_terminal();
  if (mode == "Always") {
    if (!environment_.stdin_is_terminal()) {
      throw ExecError(
          "exec plugin cannot support interactive mode: standard input is not a terminal");
    }
    return true;
  }
  throw ExecError("exec plugin cannot support interactive mode: unknown interactiveMode: \"" +
                  mode + "\"");
}

std::string ExecAuthenticator::NotFoundMessage() {
  std::string message = "exec: executable " + command_ + " not found";
  // client-go's "sometimes": the long help at most 10 times per hour, so a watch that
  // keeps retrying does not repeat it forever.
  auto now = environment_.now();
  if (hints_in_window_ == 0 || now - hint_window_ >= kHintWindow) {
    hint_window_ = now;
    hints_in_window_ = 0;
  }
  if (hints_in_window_ < kHintsPerWindow) {
    ++hints_in_window_;
    message += kInstallHintVerboseHelp;
    if (!config_.install_hint.empty()) message += "\n\n" + config_.install_hint;
  }
  return message;
}

std::shared_ptr<const ExecCredential> ExecAuthenticator::RunLocked() {
  const bool interactive = Interactive();
  std::vector<std::string> ours = environment_.environment();
  std::vector<std::string> extra;
  for (const auto& [name, value] : config_.env) extra.push_back(name + "=" + value);
  extra.push_back("KUBERNETES_EXEC_INFO=" +
                  ExecInfo(config_.api_version, interactive,
                           config_.provide_cluster_info && cluster_ ? &*cluster_ : nullptr));

  go::ChildProcessSpec spec;
  spec.command = command_;
  spec.args = config_.args;
  // The child's environment only: ours stays as it is (no setenv).
  spec.env = go::MergeEnvironment(ours, extra);
  spec.path = PathOf(ours);  // Go's go::LookPath searches the parent's PATH
  spec.inherit_stdin = interactive;
  spec.timeout = interactive ? environment_.interactive_timeout : environment_.timeout;
  spec.max_output = environment_.max_output;
  ++runs_;
  go::ChildProcessResult result = go::RunChildProcess(spec);

  using Status = go::ChildProcessResult::Status;
  switch (result.status) {
    case Status::kNotFound: throw ExecError(NotFoundMessage());
    case Status::kStartFailed: throw ExecError("exec: fork/exec " + command_ + ": " + result.error);
    case Status::kTimedOut:
      throw ExecError("exec: executable " + command_ + " did not finish within " +
                      FormatDuration(spec.timeout));
    case Status::kOutputTooLarge:
      throw ExecError("exec: executable " + command_ + " wrote more than " +
                      std::to_string(spec.max_output) + " bytes to stdout");
    case Status::kExited: break;
  }
  if (result.exit_code != 0) {
    throw ExecError("exec: executable " + command_ + " failed with exit code " +
                    std::to_string(result.exit_code));
  }
  cached_ = std::make_shared<const ExecCredential>(
      ParseExecCredential(result.output, config_.api_version));
  return cached_;
}

}  // namespace pvcwatch::rest
