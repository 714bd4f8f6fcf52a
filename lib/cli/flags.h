#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/options.h"

namespace pvcwatch::cli {

/// How a flag's value is read: pflag's types, as kubectl declares each flag.
enum class FlagType {
  kString,
  kBool,         // --x, --x=false, -X=false
  kInt,          // strconv.ParseInt, 32 bits (klog's Level)
  kInt64,        // strconv.ParseInt, 64 bits
  kStringArray,  // repeatable, each value whole (pflag StringArray: no comma splitting)
  kStringSlice,  // repeatable, each value split at commas (pflag StringSlice)
};

/// What a shell offers for a flag's value.
enum class ValueCompletion {
  kNothing,
  kFile,     // file names: the shell completes them
  kChoices,  // Flag::choices
  kKubectl,  // asked of `kubectl __complete` (namespaces from the cluster, kubeconfig names)
};

/// One flag of `kubectl pvcwatch`, declared once: ParseOptions, --help and completion all
/// read the table. Adding a flag is adding a row.
struct Flag {
  std::string name;    // long name, without dashes
  char shorthand = 0;  // one letter, or 0
  FlagType type = FlagType::kString;
  std::string default_text;  // as --help shows the default: '', false, '200Gi', [], 0
  std::string usage;         // one paragraph; --help wraps it
  /// One of kubectl's connection flags (cli-runtime ConfigFlags): listed under
  /// "Connection options", and passed on to kubectl when it completes a value.
  bool connection = false;
  ValueCompletion completion = ValueCompletion::kNothing;
  std::vector<std::string> choices;  // "value" or "value\tdescription"
  /// Stores a value that was given; a kBool gets "true" or "false", already checked.
  std::function<void(Options&, const std::string&)> set;
};

/// Every flag, sorted by name as pflag sorts them.
const std::vector<Flag>& Flags();

/// The flag with this long name or shorthand; nullptr when there is none.
const Flag* FindFlag(std::string_view name);
const Flag* FindShorthand(char shorthand);

/// How pflag names a flag in its errors: "-A, --all-namespaces" or "--once".
std::string ShownName(const Flag& flag);

}  // namespace pvcwatch::cli
