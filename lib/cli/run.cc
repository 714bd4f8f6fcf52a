#include "cli/run.h"

#include <algorithm>
#include <istream>
#include <memory>
#include <ostream>
#include <unordered_set>
#include <vector>

#include "cli/claim_input.h"
#include "cli/help.h"
#include "cli/object_output.h"
#include "cli/sort_list.h"
#include "cli/watch_command.h"
#include "go/os.h"
#include "go/signal.h"
#include "json/encode.h"
#include "kubeconfig/client_config.h"
#include "kubeconfig/homedir.h"
#include "kubeconfig/loader.h"
#include "print/claim_table.h"
#include "print/escaping_stream.h"
#include "print/make_event_printer.h"
#include "print/managed_fields.h"
#include "print/object_event_printer.h"
#include "print/object_printer.h"
#include "print/summary.h"
#include "print/tab_writer_stream.h"
#include "print/table_event_printer.h"
#include "print/terminal_escape.h"
#include "print/yaml_printer.h"
#include "pvc/budgets.h"
#include "pvc/claim_protobuf.h"
#include "pvc/ledger.h"
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
  rules.home_dir = kubeconfig::HomeDir();
  return kubeconfig::ResolveOrInCluster(kubeconfig::Load(rules), OverridesFrom(options),
                                        service_account_dir);
}

// What prints the claims themselves: the table, or one of kubectl's object printers (and
// kubectl's JSON/YAML printers for --output-watch-events); -o json|yaml alone print
// pvcwatch's documents instead.
struct Printers {
  std::unique_ptr<print::ClaimTable> table;
  std::unique_ptr<print::EscapingStream> escaped;   // what `objects` write, on a terminal
  std::unique_ptr<print::TabWriterStream> aligned;  // ... and while watching
  std::unique_ptr<print::ObjectPrinter> objects;
  std::ostream* objects_out = nullptr;  // where `objects` write
  /// The summary and the watch's header go on stderr when stdout carries what a printer
  /// of objects writes, so that it stays parseable.
  bool summary_on_stderr() const { return objects != nullptr; }
};

Printers MakePrinters(const Options& options, std::ostream& out, bool terminal) {
  Printers printers;
  if (IsTableOutput(options.format)) {
    print::TableOptions table;
    table.wide = options.format.kind == OutputFormat::Kind::kWide;
    table.with_namespace = options.all_namespaces;
    table.no_headers = options.no_headers;
    table.show_labels = options.show_labels;
    table.show_kind = options.show_kind;
    table.label_columns = options.label_columns;
    table.event_column = options.output_watch_events;
    printers.table =
        std::make_unique<print::ClaimTable>(out, table, std::chrono::system_clock::now());
  } else if (!IsDocumentOutput(options.format) || (options.output_watch_events && !options.once)) {
    printers.objects_out = &out;
    if (terminal) {
      printers.escaped = std::make_unique<print::EscapingStream>(out);
      printers.objects_out = printers.escaped.get();
    }
    if (!options.once) {
      printers.aligned = std::make_unique<print::TabWriterStream>(*printers.objects_out);
      printers.objects_out = printers.aligned.get();
    }
    printers.objects = MakeObjectPrinter(options, *printers.objects_out);
  }
  return printers;
}

// The first list, as `kubectl get pvc` prints it (page by page, or all at once when
// sorted), counted into the ledger. Items are kept only when the output needs them all.
class Listing {
 public:
  Listing(const Options& options, pvc::Ledger& ledger, Printers& printers)
      : options_(options), ledger_(ledger), printers_(printers) {
    ledger_.BeginReplace();
  }

  void Page(watch::ListPage& page) {
    ledger_.ReplacePage(page.items);
    if (restarted_) DropPrinted(page, printed_);
    if (!options_.sort_by.empty()) {
      Collect(page);
    } else {
      Show(page);
    }
  }

  void Restart() {
    // An expired continue token: the list starts over. What was already printed stays
    // on the screen, so the new list prints only claims not shown yet.
    items_.clear();
    collected_ = watch::ListPage();
    collected_rows_.clear();
    restarted_ = true;
    ledger_.BeginReplace();
  }

  void Finish(const std::string& resource_version) {
    ledger_.EndReplace(resource_version);
    if (!options_.sort_by.empty()) {
      if (!collected_.table.IsNull()) {
        collected_.table.Set("rows", json::Value::MakeArray(std::move(collected_rows_)));
      }
      SortListPage(collected_, options_.sort_by, printers_.table != nullptr);
      Show(collected_);
    }
    if (printers_.table) printers_.table->Flush();
    // kubectl get -w flushes its writer once, after the first list.
    if (printers_.objects && !options_.once) {
      printers_.objects->Flush();
      printers_.objects_out->flush();
    }
  }

  size_t rows() const { return printers_.table ? printers_.table->rows() : ledger_.size(); }
  std::vector<json::Value> TakeItems() { return std::move(items_); }

 private:
  // Items printed as they come: the table's rows, and the objects a watch prints one by
  // one (kubectl get -w); --once's objects and documents wait for the whole list.
  void Show(watch::ListPage& page) {
    const bool shown = !options_.watch_only;
    if (printers_.table) {
      if (shown) printers_.table->PrintPage(page.items, page.table);
      Remember(page);
    } else if (printers_.objects && !options_.once) {
      for (const json::Value& item : page.items) {
        if (shown) PrintObject(item);
      }
      Remember(page);
    } else {
      for (json::Value& item : page.items) {
        if (IsDocumentOutput(options_.format)) print::StripManagedFields(item);
        items_.push_back(std::move(item));
      }
    }
  }

  void PrintObject(const json::Value& item) {
    try {
      if (options_.output_watch_events) {
        printers_.objects->PrintEvent("ADDED", item);
      } else {
        printers_.objects->PrintObject(item);
      }
    } catch (const std::runtime_error& e) {
      throw std::runtime_error(std::string("unable to output the provided object: ") + e.what());
    }
  }

  void Remember(const watch::ListPage& page) {
    for (const json::Value& item : page.items) {
      printed_.insert(std::string(item["metadata"]["uid"].AsString()));
    }
  }

  void Collect(watch::ListPage& page) {
    if (!page.table.IsNull()) {
      for (auto& [name, value] : page.table.members()) {
        if (name != "rows" || !value.IsArray()) continue;
        for (json::Value& row : value.items()) collected_rows_.push_back(std::move(row));
      }
      if (collected_.table.IsNull()) collected_.table = std::move(page.table);
    }
    for (json::Value& item : page.items) collected_.items.push_back(std::move(item));
  }

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

  const Options& options_;
  pvc::Ledger& ledger_;
  Printers& printers_;
  std::vector<json::Value> items_;
  watch::ListPage collected_;  // --sort-by: the whole list, printed once sorted
  json::Value::Array collected_rows_;
  std::unordered_set<std::string> printed_;
  bool restarted_ = false;
};

void PrintMachine(const Options& options, const json::Value& document, std::ostream& out) {
  if (options.format.kind == OutputFormat::Kind::kJson) {
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
             const Printers& printers, const pvc::Ledger& ledger, const print::Limits& max,
             const Streams& io) {
  if (printers.objects) {
    // kubectl get's printGeneric: the printer is given the whole list as one List.
    try {
      printers.objects->PrintObject(print::ListDocument(listing.TakeItems()));
    } catch (...) {
      printers.objects->Flush();
      printers.objects_out->flush();
      throw;
    }
    printers.objects->Flush();
    printers.objects_out->flush();
    print::PrintSummary(ledger, max, options.all_namespaces, false, io.err);
  } else if (IsDocumentOutput(options.format)) {
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
  return print::AnyOver(ledger, max) ? kExitOverage : kExitOk;
}

// The quotas in scope (every namespace's with -A), listed once for --max-claims quota;
// returns the list's resourceVersion, for the watch to go on from. Only the namespace
// narrows them: labels and fields select claims, not quotas.
std::string ListQuotas(watch::ListerWatcher& lister, const std::string& namespace_name,
                       pvc::Budgets& budgets) {
  const watch::Scope scope{namespace_name, "", ""};
  budgets.BeginReplace();
  const std::string version = watch::ListAll(
      lister, scope, watch::kDefaultPageSize,
      [&](watch::ListPage& page) { budgets.ReplacePage(page.items); },
      [&] { budgets.BeginReplace(); });
  budgets.EndReplace(version);
  return version;
}

// The whole list at once, when the table's cells are computed here: a one-claim Table
// shows the server's columns are ours, then one protobuf list is read as it arrives.
// nullopt when the server's columns or answers are not for that: list in pages.
std::optional<std::string> ListStreamed(watch::RestListerWatcher& lister, const watch::Scope& scope,
                                        Listing& listing) {
  lister.set_as_table(true);
  const watch::ListPage probe = lister.List(scope, 1, "");
  lister.set_as_table(false);
  if (probe.table.IsNull() || !print::HasLocalColumns(probe.table)) return std::nullopt;
  return lister.ListStreamed(
      scope,
      [](rest::BodyStream& body, const std::function<void(watch::ListPage&)>& on_page) {
        return pvc::StreamClaimListProtobuf(body, watch::kDefaultPageSize, on_page);
      },
      [&](watch::ListPage& page) { listing.Page(page); });
}

// The first list of claims, printed as it arrives; returns its resourceVersion. With
// `as_table`, kubectl's table is printed: `streamed` lets it come in one request.
std::string ListClaims(watch::RestListerWatcher& lister, const watch::Scope& scope, bool as_table,
                       bool streamed, int page_size, Listing& listing) {
  std::string version;
  try {
    std::optional<std::string> whole;
    if (as_table && streamed) whole = ListStreamed(lister, scope, listing);
    if (whole) {
      version = *whole;
    } else {
      lister.set_as_table(as_table, {print::HasLocalColumns, pvc::DecodeClaimListProtobuf});
      version = watch::ListAll(
          lister, scope, page_size, [&](watch::ListPage& page) { listing.Page(page); },
          [&] { listing.Restart(); });
    }
  } catch (const rest::StatusError& e) {
    throw ExplainListError(e, scope);
  }
  listing.Finish(version);
  lister.set_as_table(false);  // watch events carry objects
  return version;
}

// What the watch prints before its first event: the list's summary (a LIST document for
// pvcwatch's own -o json|yaml) and the header naming the limit.
void PrintWatchStart(const Options& options, const pvc::Ledger& ledger, const print::Limits& max,
                     Listing& listing, const Printers& printers, const Streams& io) {
  if (IsDocumentOutput(options.format) && !options.output_watch_events) {
    json::Value document =
        print::SummaryDocument(ledger, max, options.all_namespaces, listing.TakeItems());
    document.Set("type", json::Value::String("LIST"));
    if (options.format.kind == OutputFormat::Kind::kJson) {
      json::PrintCompactJson(document, io.out);
    } else {
      io.out << "---\n";
      print::PrintYaml(document, io.out);
    }
  } else {
    const bool on_stderr = printers.summary_on_stderr();
    std::ostream& out = on_stderr ? io.err : io.out;
    io.out.flush();
    print::PrintSummary(ledger, max, options.all_namespaces, !on_stderr && io.out_is_terminal, out);
    std::string limits = max.max != nullptr ? "max claims " + max.max->String() : "";
    if (max.budgets != nullptr)
      limits += limits.empty() ? "ResourceQuota budgets" : ", and ResourceQuota budgets";
    out << "\n--- PVC Watch (" << limits << ") ----\n";
  }
  io.out.flush();
}

// The watch's printer: pvcwatch's events (log lines, or -o json|yaml documents), table
// rows with --output-watch-events, or the objects through kubectl's printer.
std::unique_ptr<print::EventPrinter> MakeWatchPrinter(const Options& options, Printers& printers,
                                                      const Streams& io,
                                                      const WatchSettings& settings) {
  auto timestamp = settings.timestamp ? settings.timestamp : print::LogTimestamp;
  if (printers.objects) {
    return std::make_unique<print::ObjectEventPrinter>(
        *printers.objects, options.output_watch_events, *printers.objects_out, io.err,
        options.all_namespaces, timestamp);
  }
  if (printers.table && options.output_watch_events) {
    return std::make_unique<print::TableEventPrinter>(*printers.table, io.out, io.err,
                                                      options.all_namespaces, timestamp);
  }
  const print::EventFormat format =
      options.format.kind == OutputFormat::Kind::kJson   ? print::EventFormat::kJson
      : options.format.kind == OutputFormat::Kind::kYaml ? print::EventFormat::kYaml
                                                         : print::EventFormat::kText;
  return print::MakeEventPrinter(format, io.out, io.err, options.all_namespaces, timestamp);
}

watch::Scope ScopeOf(const Options& options, const kubeconfig::ClientConfig& config) {
  watch::Scope scope;
  scope.namespace_name = options.all_namespaces ? "" : config.namespace_name;
  scope.label_selector = options.label_selector;
  scope.field_selector = options.field_selector;
  return scope;
}

// The claims of the cluster: the first list, then --once's conclusion or the watch.
int RunLive(const Options& options, pvc::Ledger& ledger, Listing& listing, Printers& printers,
            const Streams& io, const RunSettings& settings) {
  const kubeconfig::ClientConfig client_config =
      ResolveClientConfig(options, settings.service_account_dir);
  const watch::Scope scope = ScopeOf(options, client_config);
  clock::SystemClock clock;
  rest::RestClient client(client_config.rest, clock);
  const LimitOptions& limits = options.limits;
  watch::RestListerWatcher quota_lister(client, "resourcequotas");
  pvc::Budgets budgets(limits.warn_percent);
  std::string quota_version;
  if (limits.quota) {
    quota_version = ListQuotas(quota_lister, scope.namespace_name, budgets);
    if (budgets.empty() && !limits.max && !options.all_namespaces) {
      throw std::runtime_error("--max-claims quota: no ResourceQuota in namespace \"" +
                               scope.namespace_name + "\" limits claims");
    }
    ledger.set_observer([&budgets](const pvc::Claim* before, const pvc::Claim* after) {
      budgets.ClaimChanged(before, after);
    });
  }
  const print::Limits shown{limits.max ? &*limits.max : nullptr, limits.quota ? &budgets : nullptr};
  watch::RestListerWatcher lister(client, "persistentvolumeclaims");
  // kubectl's object printers (templates, watch events) and --sort-by see
  // metadata.managedFields; its table and pvcwatch's documents leave them out.
  lister.set_keep_managed_fields(!options.sort_by.empty() || printers.objects != nullptr);
  // kubectl sorts a list it asked for whole (get.go: chunkSize 0 with --sort-by).
  const int page_size =
      options.sort_by.empty()
          ? static_cast<int>(std::clamp<long long>(options.chunk_size, 0, 1LL << 30))
          : 0;
  // kubectl lists in pages of --chunk-size; unless told a size, the table comes whole.
  const bool streamed = options.sort_by.empty() && !options.chunk_size_given;
  const std::string version =
      ListClaims(lister, scope, printers.table != nullptr, streamed, page_size, listing);
  if (options.once) {
    return Conclude(options, scope.namespace_name, listing, printers, ledger, shown, io);
  }
  if (!options.sort_by.empty()) {
    io.err << "warning: --watch requested, --sort-by will be ignored for watch events received\n";
  }
  // From here a SIGINT/SIGTERM ends the watch cleanly, even one sent the moment the
  // user sees it begin.
  go::NotifyEndSignals();
  PrintWatchStart(options, ledger, shown, listing, printers, io);
  std::optional<pvc::Threshold> threshold;
  if (limits.max) threshold.emplace(*limits.max, limits.warn_percent);
  QuotaSource quota{quota_lister, budgets, quota_version};
  // Events are written on a client of their own: the end of the watch cancels the
  // watches' connections at once, and the last events get a moment longer.
  std::optional<rest::RestClient> events;
  if (options.record_events) events.emplace(client_config.rest, clock);
  const WatchInputs inputs{lister,
                           scope,
                           version,
                           ledger,
                           threshold ? &*threshold : nullptr,
                           limits.quota ? &quota : nullptr,
                           clock,
                           events ? &*events : nullptr};
  return RunWatch(options, inputs, settings.watch,
                  MakeWatchPrinter(options, printers, io, settings.watch), io.out, io.err);
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
  pvc::Ledger ledger(
      nullptr,
      [&](const std::string& warning) {
        io.err << print::EscapeLine("Warning: " + warning) << "\n";
      },
      options.limits.basis);
  Printers printers = MakePrinters(options, io.out, io.out_is_terminal);
  Listing listing(options, ledger, printers);
  if (options.from_file.empty()) {
    return RunLive(options, ledger, listing, printers, io, settings);
  }
  watch::ListPage page;
  page.items = LoadClaimInput(options.from_file, io.in);
  listing.Page(page);
  listing.Finish("");
  return Conclude(options, "", listing, printers, ledger,
                  print::Limits{options.limits.max ? &*options.limits.max : nullptr, nullptr}, io);
}

}  // namespace pvcwatch::cli
