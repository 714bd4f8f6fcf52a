#include "cli/options.h"

namespace pvcwatch::cli {

std::string HelpText() {
  return R"(List the PersistentVolumeClaims in scope as 'kubectl get pvc' does, add up the storage
they claim, then watch them and keep that total exact, announcing when it crosses
--max-claims and when it falls back.

Examples:
  # List the claims of the current namespace, print the total, then watch
  kubectl pvcwatch

  # One listing of every namespace; exit status 3 when the total is over 500Gi
  kubectl pvcwatch -A --once --max-claims 500Gi

  # Follow the namespace's ResourceQuota (requests.storage) instead of a fixed limit
  kubectl pvcwatch -n team-a --max-claims quota

  # Run a command on every crossing (PVCWATCH_EVENT=overage|normal in its environment)
  kubectl pvcwatch --exec './notify.sh'

  # The summary as JSON for scripts
  kubectl pvcwatch --once -o json | jq -r .total

  # Summarise saved output offline
  kubectl get pvc -A -o json | kubectl pvcwatch --from-file -

Options:
  -A, --all-namespaces=false: List and watch the claims of every namespace.
      --exec='': Command run by /bin/sh -c on each crossing of --max-claims, with PVCWATCH_EVENT,
        PVCWATCH_TOTAL, PVCWATCH_MAX_CLAIMS, PVCWATCH_PERCENT, PVCWATCH_NAMESPACE in its environment.
      --field-selector='': Selector (field query) to filter on, supports '=', '==', and '!='.
      --from-file='': Read claims from a file ('-' for stdin) instead of the server; implies --once.
      --max-claims='200Gi': Threshold for the claimed total: a quantity, or 'quota' for the
        namespace's ResourceQuota requests.storage hard limit.
      --no-headers=false: When using the default or custom-column output format, don't print headers.
      --once=false: List, print the summary and exit instead of watching.
  -o, --output='': Output format. One of: (json, yaml, wide).
  -l, --selector='': Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.
      --show-labels=false: When printing, show all labels as the last column.
      --version=false: Print the version and exit.

Connection options (as kubectl's):
      --as='': Username to impersonate for the operation.
      --as-group=[]: Group to impersonate for the operation, this flag can be repeated.
      --certificate-authority='': Path to a cert file for the certificate authority.
      --client-certificate='': Path to a client certificate file for TLS.
      --client-key='': Path to a client key file for TLS.
      --cluster='': The name of the kubeconfig cluster to use.
      --context='': The name of the kubeconfig context to use.
      --insecure-skip-tls-verify=false: If true, the server's certificate will not be checked for
        validity. This will make your HTTPS connections insecure.
      --kubeconfig='': Path to the kubeconfig file to use for CLI requests.
  -n, --namespace='': If present, the namespace scope for this CLI request.
      --password='': Password for basic authentication to the API server.
      --request-timeout='0': The length of time to wait before giving up on a single server
        request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h).
  -s, --server='': The address and port of the Kubernetes API server.
      --tls-server-name='': Server name to use for server certificate validation.
      --token='': Bearer token for authentication to the API server.
      --user='': The name of the kubeconfig user to use.
      --username='': Username for basic authentication to the API server.
  -v, --v=0: Number for the log level verbosity.

Exit status:
  0  success (watch ended by SIGINT/SIGTERM, or --once at or under --max-claims)
  1  error (bad flags, kubeconfig, connection, server error)
  3  --once: the total is over --max-claims

Usage:
  kubectl pvcwatch [flags]
)";
}

}  // namespace pvcwatch::cli
