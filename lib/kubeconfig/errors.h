#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "go/strconv.h"

namespace pvcwatch::kubeconfig {

/// A kubeconfig that cannot be loaded or resolved. Three shapes, as client-go has them:
/// a plain error, an aggregate of per-file load errors, and an "invalid configuration"
/// (errConfigurationInvalid) that kubectl prints under "Error in configuration:".
class Error : public std::runtime_error {
 public:
  enum class Kind { kPlain, kAggregate, kConfigurationInvalid };

  /// A plain error; `message` is what kubectl prints after "error: ".
  explicit Error(const std::string& message);
  /// Several independent errors (one per kubeconfig file that failed to load).
  static Error Aggregate(std::vector<std::string> messages);
  /// client-go's errConfigurationInvalid; what() is "invalid configuration: ...".
  static Error ConfigurationInvalid(std::vector<std::string> causes);
  /// client-go's ErrEmptyConfig: nothing to connect to was configured.
  static Error EmptyConfig();

  Kind kind() const { return kind_; }
  /// The individual messages of an aggregate or invalid configuration.
  const std::vector<std::string>& causes() const { return causes_; }
  /// True for EmptyConfig() (client-go IsEmptyConfig), the one error after which
  /// kubectl still tries the in-cluster configuration.
  bool empty_config() const { return empty_config_; }
  /// The exact text kubectl writes to stderr for this error, without the final newline:
  /// "error: <what>", one line per aggregated error, or "Error in configuration: ...".
  std::string KubectlText() const;

 private:
  Error(Kind kind, const std::string& what, std::vector<std::string> causes, bool empty);

  Kind kind_;
  std::vector<std::string> causes_;
  bool empty_config_;
};

}  // namespace pvcwatch::kubeconfig
