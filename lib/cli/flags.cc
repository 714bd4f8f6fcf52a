#include "cli/flags.h"

#include <algorithm>

#include "go/strconv.h"

// The shell --exec runs its command with (go::ProcessGroup::StartShell).
#if defined(_WIN32)
#define PVCWATCH_SHELL "cmd /c"
#else
#define PVCWATCH_SHELL "/bin/sh -c"
#endif

namespace pvcwatch::cli {
namespace {

using T = FlagType;
using C = ValueCompletion;

// A checked value (see Flag::set) into a field of each type the table uses.
void Store(bool& field, const std::string& value) { field = value == "true"; }
void Store(std::optional<bool>& field, const std::string& value) { field = value == "true"; }
void Store(int& field, const std::string& value) {
  field = static_cast<int>(go::ParseInt(value, 10, 32).value);
}
void Store(long long& field, const std::string& value) {
  field = go::ParseInt(value, 10, 64).value;
}
void Store(std::string& field, const std::string& value) { field = value; }
void Store(std::vector<std::string>& field, const std::string& value) { field.push_back(value); }

// A setter for a field of Options, and one for a field of its connection overrides.
template <typename Field>
std::function<void(Options&, const std::string&)> Into(Field Options::*field) {
  return [field](Options& options, const std::string& value) { Store(options.*field, value); };
}
template <typename Field>
std::function<void(Options&, const std::string&)> Connection(Field kubeconfig::Overrides::*field) {
  return [field](Options& options, const std::string& value) {
    Store(options.connection.*field, value);
  };
}

// The tables keep one flag per row (clang-format would put each field on its own line).
// clang-format off

// What the plugin does.
std::vector<Flag> CommandFlags() {
  return {
      {"all-namespaces", 'A', T::kBool, "false", "List and watch the claims of every namespace.",
       false, C::kNothing, {}, Into(&Options::all_namespaces)},
      {"allow-missing-template-keys", 0, T::kBool, "true",
       "If true, ignore any errors in templates when a field or map key is missing in the "
       "template. Only applies to golang and jsonpath output formats.", false, C::kNothing, {},
       Into(&Options::allow_missing_template_keys)},
      {"chunk-size", 0, T::kInt64, "500",
       "Return large lists in chunks rather than all at once. Pass 0 to disable.", false,
       C::kNothing, {}, Into(&Options::chunk_size)},
      {"count", 0, T::kString, "''",
       "What a claim counts for in the totals: 'requests' (spec.resources.requests.storage), "
       "'quota' (what ResourceQuota charges: the larger of the request and "
       "status.allocatedResources) or 'capacity' (status.capacity). Default: quota with "
       "--max-claims quota, else requests. Quota budgets always count as the quota does.",
       false, C::kChoices,
       {"requests\tthe storage requested", "quota\tas ResourceQuota charges it",
        "capacity\tthe storage provisioned"},
       Into(&Options::count)},
      {"cooldown", 0, T::kString, "0s",
       "After a limit's crossing is acted on (--exec, --webhook), hold its next crossings "
       "for this long (e.g. 5m); then send the latest if it changed the limit's state, and "
       "say how many were held. The watch's own output is never held.", false, C::kNothing,
       {}, Into(&Options::cooldown)},
      {"exec", 0, T::kString, "''",
       "Command run by " PVCWATCH_SHELL " on each crossing of a limit, with PVCWATCH_EVENT "
       "(overage, warning, normal), PVCWATCH_TOTAL, PVCWATCH_MAX_CLAIMS, PVCWATCH_PERCENT, "
       "PVCWATCH_NAMESPACE, and for a quota's budget PVCWATCH_QUOTA and PVCWATCH_RESOURCE in "
       "its environment.",
       false, C::kFile, {}, Into(&Options::exec)},
      {"field-selector", 0, T::kString, "''",
       "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector "
       "key1=value1,key2=value2). The server only supports a limited number of field queries "
       "per type.", false, C::kNothing,
       {}, Into(&Options::field_selector)},
      {"from-file", 0, T::kString, "''",
       "Read claims from a file ('-' for stdin) instead of the server; implies --once.", false,
       C::kFile, {}, Into(&Options::from_file)},
      {"help", 'h', T::kBool, "false", "help for pvcwatch", false, C::kNothing, {},
       Into(&Options::help)},
      {"label-columns", 'L', T::kStringSlice, "[]",
       "Accepts a comma separated list of labels that are going to be presented as columns. "
       "Names are case-sensitive. You can also use multiple flag options like -L label1 -L "
       "label2...", false, C::kNothing, {}, Into(&Options::label_columns)},
      {"max-claims", 0, T::kStringSlice, "[200Gi]",
       "Limits on the claims: a quantity for the claimed total, and/or 'quota' for every "
       "ResourceQuota limit on claims in the namespaces watched (requests.storage, "
       "persistentvolumeclaims and their per-StorageClass keys), each namespace against its "
       "own quotas. Comma-separated or repeated, e.g. --max-claims quota,2Ti.",
       false, C::kChoices,
       {"200Gi\tthe default", "quota\tevery namespace's ResourceQuotas"},
       Into(&Options::max_claims)},
      {"metrics-addr", 0, T::kString, "''",
       "While watching, serve Prometheus metrics on HOST:PORT (/metrics; /healthz and /readyz "
       "for probes), e.g. :9090 or 127.0.0.1:9090. Off by default.", false, C::kNothing, {},
       Into(&Options::metrics_addr)},
      {"no-headers", 0, T::kBool, "false",
       "When using the default or custom-column output format, don't print headers (default "
       "print headers).", false,
       C::kNothing, {}, Into(&Options::no_headers)},
      {"once", 0, T::kBool, "false", "List, print the summary and exit instead of watching.",
       false, C::kNothing, {}, Into(&Options::once)},
      {"output", 'o', T::kString, "''",
       "Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json, jsonpath-file, "
       "custom-columns, custom-columns-file, wide). See custom columns "
       "[https://kubernetes.io/docs/reference/kubectl/#custom-columns] and jsonpath template "
       "[https://kubernetes.io/docs/reference/kubectl/jsonpath/]. While watching, json and "
       "yaml print pvcwatch's events, the others print each changed claim as kubectl get -w "
       "does, with the totals and crossings on stderr.", false, C::kChoices,
       {"json", "yaml", "name", "jsonpath", "jsonpath-as-json", "jsonpath-file", "custom-columns",
        "custom-columns-file", "wide"},
       Into(&Options::output)},
      {"output-watch-events", 0, T::kBool, "false",
       "Output watch event objects while watching. Existing objects are output as initial "
       "ADDED events. With -o json, kubectl's {\"type\",\"object\"} lines replace pvcwatch's "
       "events, and the totals and crossings go to stderr.", false, C::kNothing, {},
       Into(&Options::output_watch_events)},
      {"record-events", 0, T::kBool, "false",
       "While watching, record each crossing as a Kubernetes Event (reason ClaimOverage, "
       "ClaimWarning or ClaimNormal) on the ResourceQuota, or on the namespace for a fixed "
       "--max-claims; aggregated as client-go's event recorder does. Needs create and patch "
       "on events.", false, C::kNothing, {}, Into(&Options::record_events)},
      {"selector", 'l', T::kString, "''",
       "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l "
       "key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the "
       "specified label constraints.", false,
       C::kNothing, {}, Into(&Options::label_selector)},
      {"show-kind", 0, T::kBool, "false",
       "If present, list the resource type for the requested object(s).", false, C::kNothing,
       {}, Into(&Options::show_kind)},
      {"show-labels", 0, T::kBool, "false",
       "When printing, show all labels as the last column (default hide labels column)",
       false, C::kNothing, {}, Into(&Options::show_labels)},
      {"sort-by", 0, T::kString, "''",
       "If non-empty, sort list types using this field specification.  The field "
       "specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The "
       "field in the API resource specified by this JSONPath expression must be an integer or "
       "a string. Sorts the first list only; the totals do not change.", false, C::kNothing, {},
       Into(&Options::sort_by)},
      {"version", 0, T::kBool, "false", "Print the version and exit.", false, C::kNothing, {},
       Into(&Options::version)},
      {"warn-at", 0, T::kString, "''",
       "Also announce, once, when a total passes this share of its limit (e.g. 80%), and "
       "again only after it has fallen back under it.", false, C::kNothing, {},
       Into(&Options::warn_at)},
      {"watch-only", 0, T::kBool, "false",
       "Watch for changes without printing the claims of the first list. The total still "
       "starts from that list (it must, to stay exact), and its summary is printed.", false,
       C::kNothing, {}, Into(&Options::watch_only)},
      {"webhook", 0, T::kStringArray, "[]",
       "While watching, POST each crossing of a limit to this http(s) URL: the JSON event -o "
       "json prints (or --webhook-format slack's text), retried with backoff, from a queue "
       "that never holds up the watch. Repeatable.", false, C::kNothing, {},
       Into(&Options::webhooks)},
      {"webhook-ca", 0, T::kString, "''",
       "Path to a PEM bundle of the CAs --webhook receivers are trusted by, instead of the "
       "system's.", false, C::kFile, {}, Into(&Options::webhook_ca)},
      {"webhook-format", 0, T::kString, "json",
       "What --webhook posts: 'json' (the event as -o json prints it) or 'slack' "
       "({\"text\": ...}, for Slack-compatible incoming webhooks).", false, C::kChoices,
       {"json\tthe JSON event", "slack\ta Slack-compatible text message"},
       Into(&Options::webhook_format)},
      {"webhook-timeout", 0, T::kString, "10s",
       "How long a --webhook request may take to connect and to each answer, e.g. 5s.",
       false, C::kNothing, {}, Into(&Options::webhook_timeout)},
  };
}

// kubectl's connection flags (cli-runtime ConfigFlags). Usage texts that kubectl has too
// are kubectl's, word for word (tests compare them with `kubectl options`).
std::vector<Flag> ConnectionFlags() {
  return {
      {"as", 0, T::kString, "''",
       "Username to impersonate for the operation. User could be a regular user or a service "
       "account in a namespace.", true,
       C::kNothing, {}, Connection(&kubeconfig::Overrides::impersonate)},
      {"as-group", 0, T::kStringArray, "[]",
       "Group to impersonate for the operation, this flag can be repeated to specify multiple "
       "groups.", true, C::kNothing,
       {}, Connection(&kubeconfig::Overrides::impersonate_groups)},
      {"certificate-authority", 0, T::kString, "''",
       "Path to a cert file for the certificate authority", true, C::kFile, {},
       Connection(&kubeconfig::Overrides::certificate_authority)},
      {"client-certificate", 0, T::kString, "''", "Path to a client certificate file for TLS",
       true, C::kFile, {}, Connection(&kubeconfig::Overrides::client_certificate)},
      {"client-key", 0, T::kString, "''", "Path to a client key file for TLS", true, C::kFile,
       {}, Connection(&kubeconfig::Overrides::client_key)},
      {"cluster", 0, T::kString, "''", "The name of the kubeconfig cluster to use", true,
       C::kKubectl, {}, Connection(&kubeconfig::Overrides::cluster)},
      {"context", 0, T::kString, "''", "The name of the kubeconfig context to use", true,
       C::kKubectl, {}, Connection(&kubeconfig::Overrides::context)},
      {"insecure-skip-tls-verify", 0, T::kBool, "false",
       "If true, the server's certificate will not be checked for validity. This will make "
       "your HTTPS connections insecure",
       true, C::kNothing, {}, Connection(&kubeconfig::Overrides::insecure_skip_tls_verify)},
      {"kubeconfig", 0, T::kString, "''", "Path to the kubeconfig file to use for CLI requests.",
       true, C::kFile, {}, Into(&Options::kubeconfig)},
      {"namespace", 'n', T::kString, "''",
       "If present, the namespace scope for this CLI request", true, C::kKubectl, {},
       Connection(&kubeconfig::Overrides::namespace_name)},
      {"password", 0, T::kString, "''", "Password for basic authentication to the API server",
       true, C::kNothing, {}, Connection(&kubeconfig::Overrides::password)},
      {"request-timeout", 0, T::kString, "'0'",
       "The length of time to wait before giving up on a single server request. Non-zero "
       "values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero "
       "means don't timeout requests.",
       true, C::kNothing, {}, Connection(&kubeconfig::Overrides::request_timeout)},
      {"server", 's', T::kString, "''", "The address and port of the Kubernetes API server",
       true, C::kNothing, {}, Connection(&kubeconfig::Overrides::server)},
      {"tls-server-name", 0, T::kString, "''",
       "Server name to use for server certificate validation. If it is not provided, the "
       "hostname used to contact the server is used",
       true, C::kNothing, {}, Connection(&kubeconfig::Overrides::tls_server_name)},
      {"token", 0, T::kString, "''", "Bearer token for authentication to the API server", true,
       C::kNothing, {}, Connection(&kubeconfig::Overrides::token)},
      {"user", 0, T::kString, "''", "The name of the kubeconfig user to use", true,
       C::kKubectl, {}, Connection(&kubeconfig::Overrides::user)},
      {"username", 0, T::kString, "''", "Username for basic authentication to the API server",
       true, C::kNothing, {}, Connection(&kubeconfig::Overrides::username)},
      {"v", 'v', T::kInt, "0", "number for the log level verbosity", true, C::kNothing, {},
       Into(&Options::verbosity)},
  };
}

// clang-format on

std::vector<Flag> Table() {
  std::vector<Flag> flags = CommandFlags();
  for (Flag& flag : ConnectionFlags()) flags.push_back(std::move(flag));
  std::sort(flags.begin(), flags.end(),
            [](const Flag& a, const Flag& b) { return a.name < b.name; });
  return flags;
}

}  // namespace

const std::vector<Flag>& Flags() {
  static const std::vector<Flag> flags = Table();
  return flags;
}

const Flag* FindFlag(std::string_view name) {
  for (const Flag& flag : Flags()) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

const Flag* FindShorthand(char shorthand) {
  for (const Flag& flag : Flags()) {
    if (shorthand != 0 && flag.shorthand == shorthand) return &flag;
  }
  return nullptr;
}

std::string ShownName(const Flag& flag) {
  return (flag.shorthand != 0 ? std::string("-") + flag.shorthand + ", " : "") + "--" + flag.name;
}

}  // namespace pvcwatch::cli
