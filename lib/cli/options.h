#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace pvcwatch::cli {

/// A bad command line: unknown flag, missing or bad value. main prints it as kubectl
/// does, followed by a pointer to --help.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The parsed command line. Connection flags keep kubectl's (cli-runtime ConfigFlags)
/// names; an unset flag is empty (or nullopt) so it does not override the kubeconfig.
struct Options {
  // Connection.
  std::string kubeconfig;
  std::string context;
  std::string cluster;
  std::string user;
  std::string namespace_name;
  std::string server;
  std::string token;
  std::string username;
  std::string password;
  std::string certificate_authority;
  std::string client_certificate;
  std::string client_key;
  std::optional<bool> insecure_skip_tls_verify;
  std::string tls_server_name;
  std::string request_timeout;
  std::string as;
  std::vector<std::string> as_groups;
  int verbosity = 0;

  // Scope.
  bool all_namespaces = false;
  std::string label_selector;
  std::string field_selector;

  // Threshold, modes, output, action.
  std::string max_claims = "200Gi";
  bool once = false;
  std::string from_file;
  std::string output;  // "", wide, json, yaml
  bool no_headers = false;
  bool show_labels = false;
  std::string exec;

  bool help = false;
  bool version = false;
};

/// Parses argv as kubectl's pflag would (`--f=v`, `--f v`, `-f v`, `-f=v`, `-fv`).
/// Throws UsageError with kubectl's wording ("unknown flag: --x"); an unknown -o is a
/// std::runtime_error, which kubectl prints without the pointer to --help.
Options ParseOptions(int argc, const char* const argv[]);

/// The --help text.
std::string HelpText();

}  // namespace pvcwatch::cli
