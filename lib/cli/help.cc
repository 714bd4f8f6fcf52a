#include "cli/help.h"

#include "cli/flags.h"

namespace pvcwatch::cli {
namespace {

// kubectl's layout (1.37): the flag and its default on one line, the usage on the next
// behind a tab, then an empty line. -h/--help is cobra's and not listed.
std::string FlagBlocks(bool connection) {
  std::string out;
  for (const Flag& flag : Flags()) {
    if (flag.connection != connection || flag.name == "help") continue;
    out += "    ";
    if (flag.shorthand != 0) out += std::string("-") + flag.shorthand + ", ";
    out += "--" + flag.name + "=" + flag.default_text + ":\n\t" + flag.usage + "\n\n";
  }
  return out;
}

}  // namespace

std::string HelpText() {
  return R"(List the PersistentVolumeClaims in scope as 'kubectl get pvc' does, add up the storage
they claim, then watch them and keep that total exact, announcing when it crosses
--max-claims and when it falls back.

Examples:
  # List the claims of the current namespace, print the total, then watch
  kubectl pvcwatch

  # One listing of every namespace; exit status 3 when the total is over 500Gi
  kubectl pvcwatch -A --once --max-claims 500Gi

  # Follow the namespace's ResourceQuotas instead of a fixed limit
  kubectl pvcwatch -n team-a --max-claims quota

  # Every namespace against its own quotas and the cluster against 20Ti, warning at 80%
  kubectl pvcwatch -A --max-claims quota,20Ti --warn-at 80%

  # Run a command on every crossing (PVCWATCH_EVENT=overage|warning|normal in its environment)
  kubectl pvcwatch --exec './notify.sh'

  # The summary as JSON for scripts
  kubectl pvcwatch --once -o json | jq -r .total

  # The biggest claims last, and one line per claim for scripts (the summary on stderr)
  kubectl pvcwatch --once --sort-by=.spec.resources.requests.storage
  kubectl pvcwatch --once -o jsonpath='{range .items[*]}{.metadata.name} {.spec.resources.requests.storage}{"\n"}{end}'

  # Watch as kubectl get -w --output-watch-events -o json prints it
  kubectl pvcwatch --output-watch-events -o json

  # Summarise saved output offline
  kubectl get pvc -A -o json | kubectl pvcwatch --from-file -

Options:
)" + FlagBlocks(false) +
         "Connection options (as kubectl's):\n" + FlagBlocks(true) +
         R"(Exit status:
  0  success (watch ended by SIGINT/SIGTERM, or --once at or under --max-claims)
  1  error (bad flags, kubeconfig, connection, server error)
  3  --once: the total is over --max-claims

Usage:
  kubectl pvcwatch [flags]
)";
}

}  // namespace pvcwatch::cli
