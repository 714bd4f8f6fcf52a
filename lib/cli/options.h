#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/output_format.h"
#include "kubeconfig/overrides.h"
#include "notify/webhook.h"
#include "pvc/basis.h"
#include "quantity/quantity.h"

namespace pvcwatch::cli {

/// A bad command line: unknown flag, missing or bad value. main prints it as kubectl
/// does, followed by a pointer to --help.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What the claims are measured against: --max-claims, --count and --warn-at as parsed.
struct LimitOptions {
  std::optional<Quantity> max;  // the total's limit: the quantity given, 200Gi by default
  bool quota = false;           // 'quota': every ResourceQuota's limits on claims
  pvc::Basis basis = pvc::Basis::kRequests;  // --count (quota when following quotas)
  std::optional<Quantity> warn_percent;      // --warn-at, in percent of each limit
};

/// Where crossings are sent besides --exec, and how often: --webhook* and --cooldown as
/// parsed.
struct NotifyOptions {
  std::vector<notify::WebhookOptions> webhooks;
  std::chrono::milliseconds cooldown{0};
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
  std::vector<std::string> max_claims;  // each comma-separated value; none: 200Gi
  std::string count;
  std::string warn_at;
  LimitOptions limits;  // the three above as parsed (ParseOptions)
  bool once = false;
  std::string from_file;
  std::string output;   // -o as given
  OutputFormat format;  // -o as parsed (ParseOptions)
  bool allow_missing_template_keys = true;
  bool no_headers = false;
  bool show_labels = false;
  bool show_kind = false;
  std::vector<std::string> label_columns;  // -L, each comma-separated value split
  std::string sort_by;
  long long chunk_size = 500;     // kubectl's DefaultChunkSize; 0: one request
  bool chunk_size_given = false;  // --chunk-size was given: list in pages of that size
  bool output_watch_events = false;
  bool watch_only = false;
  std::string exec;
  std::string metrics_addr;
  std::vector<std::string> webhooks;  // --webhook, each whole
  std::string webhook_format = "json";
  std::string webhook_ca;
  std::string webhook_timeout = "10s";
  std::string cooldown = "0s";
  bool record_events = false;
  NotifyOptions notify;  // the five above as parsed (ParseOptions)

  bool help = false;
  bool version = false;
};

}  // namespace pvcwatch::cli
