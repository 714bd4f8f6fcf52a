#include "cli/run.h"

#include <istream>
#include <memory>
#include <ostream>
#include <unordered_set>
#include <vector>

#include "cli/claim_input.h"
#include "cli/help.h"
#include "cli/watch_command.h"
#include "go/os.h"
#include "json/encode.h"
#include "kubeconfig/client_config.h"
#include "kubeconfig/loader.h"
#include "print/claim_table.h"
#include "print/managed_fields.h"
#include "print/summary.h"
#include "print/terminal_escape.h"
#include "print/yaml_printer.h"
#include "pvc/ledger.h"
#include "pvc/quota_limit.h"
#include "pvc/threshold.h"
#include "quantity/quantity.h"
#include "rest/errors.h"
#include "rest/rest_client.h"
#include "version.h"
#include "watch/pager.h"
#include "watch/rest_lister_watcher.h"

namespace pvcwatch::cli {
namespace {

kubeconfig::Overrides OverridesFrom(const Options& o) {
  kubeconfig::Overrides overrides = o.connection;
  overrides.default_server = kubeconfig::KubectlDefaultServer();
  return overrides;
}

kubeconfig::ClientConfig ResolveClientConfig(const Options& options,
                                             const std::string& service_account_dir) {
  kubeconfig::LoadingRules rules;
  rules.explicit_path = options.kubeconfig;
  rules.kubeconfig_env = go::Getenv("KUBECONFIG");
  rules.home_dir = go::Getenv("HOME");
  return kubeconfig::ResolveOrInCluster(kubeconfig::Load(rules), OverridesFrom(options),
                                        service_account_dir);
}

bool MachineOutput(const Options& options) {
  return options.output == "json" || options.output == "yaml";
}

// The first list, as `kubectl get pvc` prints it (page by page), counted into the
// ledger. Items are kept only when the machine output needs them.
class Listing {
 public:
  Listing(const Options& options, pvc::Ledger& ledger, std::ostream& out)
      : options_(options), ledger_(ledger) {
    if (!MachineOutput(options)) {
      print::TableOptions table;
      table.wide = options.output == "wide";
      table.with_namespace = options.all_namespaces;
      table.no_headers = options.no_headers;
      table.show_labels = options.show_labels;
      table_ = std::make_unique<print::ClaimTable>(out, table, std::chrono::system_clock::now());
    }
    ledger_.BeginReplace();
  }

  void Page(watch::ListPage& page) {
    ledger_.ReplacePage(page.items);
    if (table_) {
      if (restarted_) DropPrinted(page, printed_);
      table_->PrintPage(page.items, page.table);
      for (const json::Value& item : page.items) {
        printed_.insert(std::string(item["metadata"]["uid"].AsString()));
      }
    }
    if (MachineOutput(options_)) {
      for (json::Value& item : page.items) {
        print::StripManagedFields(item);
        items_.push_back(std::move(item));
      }
    }
  }

  void Restart() {
    // An expired continue token: the list starts over. The rows already printed stay on
    // the screen, so the new list prints only claims not shown yet.
    items_.clear();
    restarted_ = true;
    ledger_.BeginReplace();
  }

  void Finish(const std::string& resource_version) { ledger_.EndReplace(resource_version); }
  size_t rows() const { return table_ ? table_->rows() : ledger_.size(); }
  std::vector<json::Value> TakeItems() { return std::move(items_); }

 private:
  const Options& options_;
  pvc::Ledger& ledger_;
  // Drops from a page (items and, if present, the server's table rows) the claims whose
  // rows were printed before the list restarted; the ledger has counted them already.
  static void DropPrinted(watch::ListPage& page, const std::unordered_set<std::string>& printed) {
    std::vector<json::Value> items;
    json::Value::Array rows;
    const json::Value::Array& table_rows = page.table["rows"].items();
    for (size_t i = 0; i < page.items.size(); ++i) {
      if (printed.count(std::string(page.items[i]["metadata"]["uid"].AsString())) != 0) continue;
      if (i < table_rows.size()) rows.push_back(table_rows[i]);
      items.push_back(std::move(page.items[i]));
    }
    page.items = std::move(items);
    if (!page.table.IsNull()) page.table.Set("rows", json::Value::MakeArray(std::move(rows)));
  }

  std::unique_ptr<print::ClaimTable> table_;
  std::vector<json::Value> items_;
  std::unordered_set<std::string> printed_;
  bool restarted_ = false;
};

void PrintMachine(const Options& options, const json::Value& document, std::ostream& out) {
  if (options.output == "json") {
    json::PrintJson(document, out);
  } else {
    print::PrintYaml(document, out);
  }
}

// kubectl (cli-runtime's selector visitor) rewrites a list's BadRequest or NotFound to
// say what was being listed; the error stays an API error.
rest::StatusError ExplainListError(const rest::StatusError& e, const watch::Scope& scope) {
  if (e.code() != 400 && e.code() != 404) return e;
  const std::string resource = "\"/v1, Resource=persistentvolumeclaims\"";
  std::string message;
  if (scope.label_selector.empty() && scope.field_selector.empty()) {
    message = "Unable to list " + resource + ": " + e.what();
  } else {
    message = "Unable to find " + resource + " that match label selector \"" +
              scope.label_selector + "\", field selector \"" + scope.field_selector +
              "\": " + e.what();
  }
  return rest::StatusError(e.code(), e.reason(), message, e.retry_after_seconds());
}

// What --once prints after the list, and its exit status.
int Conclude(const Options& options, const std::string& scope_namespace, Listing& listing,
             const pvc::Ledger& ledger, const Quantity& max, const Streams& io) {
  if (MachineOutput(options)) {
    PrintMachine(options,
                 print::SummaryDocument(ledger, max, options.all_namespaces, listing.TakeItems()),
                 io.out);
  } else {
    if (listing.rows() == 0) {
      io.err << print::EscapeLine(
                    "No resources found" +
                    (scope_namespace.empty() ? "" : " in " + scope_namespace + " namespace"))
             << ".\n";
    }
    print::PrintSummary(ledger, max, options.all_namespaces, io.out_is_terminal, io.out);
  }
  io.out.flush();
  return pvc::IsOver(ledger.total(), max) ? kExitOverage : kExitOk;
}

// --max-claims as a fixed limit; with "quota" the limit comes from the namespace.
Quantity FixedMaxClaims(const Options& options) {
  if (options.max_claims != "quota") return Quantity::Parse(options.max_claims);
  if (options.all_namespaces || !options.from_file.empty()) {
    throw UsageError(
        "--max-claims quota follows one namespace's ResourceQuota; it cannot be "
        "used with " +
        std::string(options.all_namespaces ? "-A" : "--from-file"));
  }
  return Quantity();
}

// The namespace's quotas, listed once for --max-claims quota; returns the list's
// resourceVersion, for the watch to go on from.
std::string ListQuotas(watch::ListerWatcher& lister, const watch::Scope& scope,
                       pvc::QuotaLimit& limit) {
  limit.BeginReplace();
  const std::string version = watch::ListAll(
      lister, scope, watch::kDefaultPageSize,
      [&](watch::ListPage& page) { limit.ReplacePage(page.items); }, [&] { limit.BeginReplace(); });
  limit.EndReplace(version);
  if (!limit.limit()) {
    throw std::runtime_error("--max-claims quota: no ResourceQuota in namespace \"" +
                             scope.namespace_name + "\" sets requests.storage");
  }
  return version;
}

// The first list of claims, printed as it arrives; returns its resourceVersion.
std::string ListClaims(watch::RestListerWatcher& lister, const watch::Scope& scope, bool as_table,
                       Listing& listing) {
  lister.set_as_table(as_table);
  std::string version;
  try {
    version = watch::ListAll(
        lister, scope, watch::kDefaultPageSize, [&](watch::ListPage& page) { listing.Page(page); },
        [&] { listing.Restart(); });
  } catch (const rest::StatusError& e) {
    throw ExplainListError(e, scope);
  }
  listing.Finish(version);
  lister.set_as_table(false);  // watch events carry objects
  return version;
}

// What the watch prints before its first event: the list's summary (a LIST document for
// machine output) and, for people, the header naming the limit.
void PrintWatchStart(const Options& options, const pvc::Ledger& ledger, const Quantity& max,
                     const std::string& quota_source, Listing& listing, const Streams& io) {
  if (MachineOutput(options)) {
    json::Value document =
        print::SummaryDocument(ledger, max, options.all_namespaces, listing.TakeItems());
    document.Set("type", json::Value::String("LIST"));
    if (options.output == "json") {
      json::PrintCompactJson(document, io.out);
    } else {
      io.out << "---\n";
      print::PrintYaml(document, io.out);
    }
  } else {
    print::PrintSummary(ledger, max, options.all_namespaces, io.out_is_terminal, io.out);
    io.out << "\n--- PVC Watch (max claims " << max.String()
           << (quota_source.empty() ? "" : ", ResourceQuota " + quota_source) << ") ----\n";
  }
  io.out.flush();
}

watch::Scope ScopeOf(const Options& options, const kubeconfig::ClientConfig& config) {
  watch::Scope scope;
  scope.namespace_name = options.all_namespaces ? "" : config.namespace_name;
  scope.label_selector = options.label_selector;
  scope.field_selector = options.field_selector;
  return scope;
}

// The claims of the cluster: the first list, then --once's conclusion or the watch.
int RunLive(const Options& options, Quantity max_claims, pvc::Ledger& ledger, Listing& listing,
            const Streams& io, const RunSettings& settings) {
  const kubeconfig::ClientConfig client_config =
      ResolveClientConfig(options, settings.service_account_dir);
  const watch::Scope scope = ScopeOf(options, client_config);
  clock::SystemClock clock;
  rest::RestClient client(client_config.rest, clock);
  watch::RestListerWatcher quota_lister(client, "resourcequotas");
  pvc::QuotaLimit quota_limit;
  const bool follow_quota = options.max_claims == "quota";
  std::string quota_version;
  if (follow_quota) {
    quota_version = ListQuotas(quota_lister, scope, quota_limit);
    max_claims = *quota_limit.limit();
  }
  watch::RestListerWatcher lister(client, "persistentvolumeclaims");
  const std::string version = ListClaims(lister, scope, !MachineOutput(options), listing);
  if (options.once) return Conclude(options, scope.namespace_name, listing, ledger, max_claims, io);
  // From here a SIGINT/SIGTERM ends the watch cleanly, even one sent the moment the
  // user sees it begin.
  BlockWatchSignals();
  PrintWatchStart(options, ledger, max_claims, follow_quota ? quota_limit.source() : "", listing,
                  io);
  pvc::Threshold threshold(max_claims);
  QuotaSource quota{quota_lister, quota_limit, quota_version};
  const WatchInputs inputs{
      lister, scope, version, ledger, threshold, follow_quota ? &quota : nullptr, clock};
  return RunWatch(options, inputs, settings.watch, io.out, io.err);
}

}  // namespace

int Run(const Options& options, const Streams& io, const RunSettings& settings) {
  if (options.help) {
    io.out << HelpText();
    return kExitOk;
  }
  if (options.version) {
    io.out << "kubectl-pvcwatch " << Version() << "\n";
    return kExitOk;
  }
  const Quantity max_claims = FixedMaxClaims(options);
  pvc::Ledger ledger(nullptr, [&](const std::string& warning) {
    io.err << print::EscapeLine("Warning: " + warning) << "\n";
  });
  Listing listing(options, ledger, io.out);
  if (options.from_file.empty()) return RunLive(options, max_claims, ledger, listing, io, settings);
  watch::ListPage page;
  page.items = LoadClaimInput(options.from_file, io.in);
  listing.Page(page);
  listing.Finish("");
  return Conclude(options, "", listing, ledger, max_claims, io);
}

}  // namespace pvcwatch::cli
