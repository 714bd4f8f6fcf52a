#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "kubeconfig/overrides.h"

namespace pvcwatch::cli {

/// A bad command line: unknown flag, missing or bad value. main prints it as kubectl
/// does, followed by a pointer to --help.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The parsed command line (see flags.cc for every flag). An unset connection flag is
/// empty (or nullopt) so it does not override the kubeconfig.
struct Options {
  // Connection: kubectl's flags, bound straight into client-go's ConfigOverrides as
  // cli-runtime's ConfigFlags binds them.
  std::string kubeconfig;
  kubeconfig::Overrides connection;
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

}  // namespace pvcwatch::cli
