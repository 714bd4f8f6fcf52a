#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace pvcwatch::cli {

/// Cobra's ShellCompDirective bits (github.com/spf13/cobra completions.go): the number on
/// the `:<directive>` line that ends a completion answer tells the shell what to do next.
enum CompletionDirective : int {
  kDirectiveDefault = 0,     // the shell may complete file names
  kDirectiveError = 1,       // something failed: ignore the candidates
  kDirectiveNoSpace = 2,     // no space after a single candidate
  kDirectiveNoFileComp = 4,  // no file names, even without candidates
};

/// One completion answer: candidates, each optionally followed by a tab and a description
/// (cobra's `__complete` format), and the directive for the shell.
struct Completion {
  std::vector<std::string> candidates;
  int directive = kDirectiveDefault;
};

/// Runs `kubectl <args>` and returns its completion answer (the seam tests replace).
using KubectlCompleter = std::function<Completion(const std::vector<std::string>& args)>;

/// Completes the last word of `kubectl pvcwatch <args>`: kubectl's plugin completion
/// (kubectl >= 1.26) passes the words typed after the plugin name, the last one being the
/// word to complete (empty for a new word). Flag names and the values of -o and
/// --max-claims are completed here, file-name flags are left to the shell, and the values
/// of the flags kubectl itself completes (--namespace from the cluster; --context,
/// --cluster and --user from the kubeconfig) are asked of `kubectl __complete get
/// persistentvolumeclaims`, with the connection flags typed so far.
Completion Complete(const std::vector<std::string>& args, const KubectlCompleter& kubectl);

/// Formats an answer as cobra's `__complete` prints it: one candidate a line, then
/// `:<directive>`.
std::string FormatCompletion(const Completion& completion);

/// Parses what `kubectl __complete` prints (FormatCompletion's format; empty lines are
/// skipped and a missing directive means kDirectiveDefault, as kubectl reads plugins).
Completion ParseCompletion(const std::string& output);

/// How long a completion waits for kubectl before it gives up on it.
constexpr std::chrono::seconds kKubectlCompletionTimeout{5};

/// Runs `kubectl <args>` without a shell (kubectl from $KUBECTL_PATH when set, else from
/// PATH), stdin from /dev/null and stderr shared, and parses its output. An answer with
/// kDirectiveError when kubectl cannot be started, fails, or outlives
/// kKubectlCompletionTimeout (it is killed).
Completion RunKubectlCompletion(const std::vector<std::string>& args);

}  // namespace pvcwatch::cli
