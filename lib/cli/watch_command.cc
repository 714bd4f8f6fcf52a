#include "cli/watch_command.h"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>

#include "cli/error_message.h"
#include "go/os.h"
#include "go/signal.h"
#include "metrics/claim_metrics.h"
#include "metrics/server.h"
#include "notify/dispatcher.h"
#include "notify/event_recorder.h"
#include "notify/webhook.h"
#include "print/fd_output.h"
#include "print/machine_event_printer.h"
#include "print/percent.h"
#include "print/terminal_escape.h"
#include "watch/reflector.h"

namespace pvcwatch::cli {
namespace {

// How long the end of the watch waits for its threads before a write blocked on a
// stalled stdout (a reader that stopped reading) is given up.
constexpr std::chrono::seconds kOutputGrace{2};

using OutputMutex = std::recursive_mutex;

// Two reflectors (claims, quotas) and the action reporter share the ledger, the
// threshold, the budgets and the output: every store call runs under one lock, and the
// listeners it triggers run inside it (hence recursive). `settle` runs after each call,
// under the same lock: the budgets' crossings are announced after the change that made
// them.
class LockedStore : public watch::Store {
 public:
  LockedStore(watch::Store& store, OutputMutex& mutex, std::function<void()> settle)
      : store_(store), mutex_(mutex), settle_(std::move(settle)) {}
  void Add(const json::Value& o) override {
    Locked([&] { store_.Add(o); });
  }
  void Update(const json::Value& o) override {
    Locked([&] { store_.Update(o); });
  }
  void Delete(const json::Value& o) override {
    Locked([&] { store_.Delete(o); });
  }
  void BeginReplace() override {
    Locked([&] { store_.BeginReplace(); });
  }
  void ReplacePage(const std::vector<json::Value>& items) override {
    Locked([&] { store_.ReplacePage(items); });
  }
  void EndReplace(const std::string& rv) override {
    Locked([&] { store_.EndReplace(rv); });
  }

 private:
  template <typename F>
  void Locked(F&& f) {
    std::lock_guard lock(mutex_);
    f();
    if (settle_) settle_();
  }
  watch::Store& store_;
  OutputMutex& mutex_;
  std::function<void()> settle_;
};

// The watch threads still running, for the end of the watch to wait on.
class Running {
 public:
  void Started() {
    std::lock_guard lock(mutex_);
    ++count_;
  }
  void Ended() {
    {
      std::lock_guard lock(mutex_);
      --count_;
    }
    ended_.notify_all();
  }
  /// True once every thread has ended; false after `wait` with some still running.
  bool WaitAll(std::chrono::milliseconds wait) {
    std::unique_lock lock(mutex_);
    return ended_.wait_for(lock, wait, [&] { return count_ == 0; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable ended_;
  int count_ = 0;
};

// One watch, from the first list to its end: the printer and the actions, the
// reflectors and their threads, and the order in which they are wired and ended.
class Watch {
 public:
  Watch(const Options& options, const WatchInputs& in, const WatchSettings& settings,
        std::unique_ptr<print::EventPrinter> printer, std::ostream& out, std::ostream& err)
      : in_(in),
        out_(out),
        err_(err),
        printer_(std::move(printer)),
        claims_store_(in.ledger, mutex_, Settler()),
        claims_(in.lister_watcher, in.scope, claims_store_, in.clock) {
    if (!options.exec.empty()) {
      actions_ = std::make_unique<pvc::ActionRunner>(options.exec, settings.action_limits,
                                                     [this](const std::string& line) {
                                                       std::lock_guard lock(mutex_);
                                                       ++counters_.actions_failed;
                                                       printer_->PrintNotice(line);
                                                     });
    }
    StartNotifications(options.notify);
    if (in.quota != nullptr) {
      quota_store_ = std::make_unique<LockedStore>(in.quota->budgets, mutex_, Settler());
      quotas_ = std::make_unique<watch::Reflector>(in.quota->lister_watcher,
                                                   watch::Scope{in.scope.namespace_name, "", ""},
                                                   *quota_store_, in.clock);
    }
    Configure(claims_, "watch", options, settings, true);
    if (quotas_) Configure(*quotas_, "quota watch", options, settings, false);
    counters_.lists = 1;  // the first list, done by the caller
    counters_.synced = true;
    counters_.last_event_seconds = Now();
    Connect();
    if (!options.metrics_addr.empty()) {
      metrics_ = std::make_unique<metrics::Server>(
          options.metrics_addr,
          metrics::Endpoints{[this](metrics::Format format) { return Metrics(format); },
                             [this] {
                               std::lock_guard lock(mutex_);
                               return counters_.synced;
                             }});
      std::lock_guard lock(mutex_);
      printer_->PrintNotice("Serving metrics on port " + std::to_string(metrics_->port()) +
                            " (/metrics, /healthz, /readyz)");
    }
  }

  int Run() {
    // The end is taken by this thread alone: a signal, or a watch thread that is done.
    go::NotifyEndSignals();
    go::SignalWaiter waiter;
    std::thread claims = Start(claims_, in_.resource_version, claims_failure_, waiter);
    std::thread quotas;
    if (quotas_) quotas = Start(*quotas_, in_.quota->resource_version, quota_failure_, waiter);
    const go::SignalWaiter::Cause cause = waiter.Wait();
    End();
    claims.join();
    if (quotas.joinable()) quotas.join();
    if (actions_) actions_->Join(kOutputGrace);
    waiter.DropWakes();
    return Report(cause == go::SignalWaiter::Cause::kWoken);
  }

 private:
  print::Standing Standing() const {
    const Quantity& total = in_.ledger.total();
    if (in_.threshold == nullptr) return {total, nullptr, 0};
    return {total, &in_.threshold->max(), in_.threshold->Percent(total)};
  }

  // After every store call: the budgets' crossings, and the time of the last event.
  std::function<void()> Settler() {
    return [this] {
      counters_.last_event_seconds = Now();
      if (in_.quota != nullptr) in_.quota->budgets.Settle();
    };
  }

  static double Now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }

  std::string Metrics(metrics::Format format) {
    std::lock_guard lock(mutex_);
    counters_.suppressed = dispatcher_ ? dispatcher_->suppressed() : 0;
    if (recorder_) counters_.events = {recorder_->recorded(), recorder_->failed()};
    counters_.webhooks.clear();
    for (const auto& webhook : webhooks_) {
      const notify::WebhookCounts& c = webhook->counts();
      counters_.webhooks.push_back({webhook->url(), c.sent, c.failed, c.dropped, c.queued});
    }
    return metrics::Write(
        metrics::ClaimFamilies(in_.ledger, in_.threshold ? &in_.threshold->max() : nullptr,
                               in_.quota ? &in_.quota->budgets : nullptr, counters_, Now()),
        format);
  }

  // The reflector's observer: the metrics' counters (of the claims' reflector), and the
  // notices -v asks for (-v 2: what the watch recovers from and its lists; -v 4: every
  // watch request too).
  void Configure(watch::Reflector& reflector, const std::string& what, const Options& options,
                 const WatchSettings& settings, bool claims) {
    if (settings.server_timeout_seconds > 0) {
      reflector.set_timeout_seconds(settings.server_timeout_seconds);
    }
    const int verbosity = options.verbosity;
    watch::ReflectorObserver observer{
        [this, what, claims, verbosity](const std::string& why) {
          std::lock_guard lock(mutex_);
          ++counters_.retries;
          if (claims) counters_.synced = false;
          if (verbosity >= 2) {
            printer_->PrintNotice(what + ": retrying after: " + why);
          }
        },
        [this, what, claims, verbosity] {
          std::lock_guard lock(mutex_);
          if (claims) ++counters_.lists;
          if (verbosity >= 2) printer_->PrintNotice(what + ": listing");
        },
        [this, what, claims, verbosity](const std::string& version) {
          std::lock_guard lock(mutex_);
          counters_.last_event_seconds = Now();
          if (claims) counters_.synced = true;
          if (verbosity >= 4) {
            printer_->PrintNotice(what + ": watching from resourceVersion " + version);
          }
        }};
    reflector.set_observer(std::move(observer));
  }

  // Every change is printed, then checked against the threshold; a quota's new limit too.
  void Connect() {
    in_.ledger.set_listeners(
        [this](const pvc::Change& change) {
          printer_->PrintChange(change, change.object, Standing());
          CheckThreshold();
          printer_->PrintStanding(Standing());
        },
        [this](const std::string& warning) { printer_->PrintNotice("Warning: " + warning); });
    std::lock_guard lock(mutex_);
    CheckThreshold();  // the starting state may already be over
    if (in_.quota != nullptr) {
      in_.quota->budgets.Start([this](const pvc::BudgetEvent& event) { OnBudget(event); });
      in_.quota->budgets.Settle();
    }
  }

  // --exec and every --webhook, behind --cooldown. The webhooks' and the cooldown's
  // threads say what they could not do as notices.
  void StartNotifications(const NotifyOptions& notify) {
    const auto notice = [this](const std::string& line) {
      std::lock_guard lock(mutex_);
      printer_->PrintNotice(line);
    };
    std::vector<notify::Dispatcher::Sink> sinks;
    if (actions_) {
      sinks.push_back([this](const notify::Notification& n) {
        {
          std::lock_guard lock(mutex_);
          ++counters_.actions_started;
        }
        actions_->Start(n.env);
      });
    }
    for (const notify::WebhookOptions& options : notify.webhooks) {
      webhooks_.push_back(std::make_unique<notify::Webhook>(static_cast<int>(webhooks_.size()) + 1,
                                                            options, notice));
      sinks.push_back(
          [webhook = webhooks_.back().get()](const notify::Notification& n) { webhook->Send(n); });
    }
    if (in_.events != nullptr) {
      recorder_ =
          std::make_unique<notify::EventRecorder>(*in_.events, go::Getenv("HOSTNAME"), notice);
    }
    if (!sinks.empty()) {
      dispatcher_ = std::make_unique<notify::Dispatcher>(notify.cooldown, std::move(sinks), notice);
    }
  }

  // A crossing goes to the sinks unless the cooldown holds it; it is printed in between,
  // saying whether --exec runs for it, so the action's own output follows the line.
  template <typename PrintFn>
  void Act(notify::Notification notification, PrintFn print) {
    std::optional<notify::Notification> now;
    if (dispatcher_) now = dispatcher_->Admit(std::move(notification));
    print(now.has_value() && actions_ != nullptr);
    if (now) dispatcher_->Send(*now);
  }

  // --record-events: every crossing (client-go's correlation, not the cooldown, keeps a
  // flapping limit from flooding etcd). A Namespace's events go to "default", as
  // client-go puts the events of an object that has no namespace.
  void Record(notify::InvolvedObject object, pvc::Threshold::Crossing crossing,
              const std::string& message) {
    if (!recorder_) return;
    using C = pvc::Threshold::Crossing;
    const char* reason = crossing == C::kOverage   ? "ClaimOverage"
                         : crossing == C::kWarning ? "ClaimWarning"
                                                   : "ClaimNormal";
    recorder_->Record(
        {std::move(object), crossing == C::kNormal ? "Normal" : "Warning", reason, message});
  }

  void OnBudget(const pvc::BudgetEvent& event) {
    if (event.kind != pvc::BudgetEvent::Kind::kCrossing) {
      printer_->PrintBudget(event, Standing(), false);
      return;
    }
    ++counters_.crossings[print::CrossingName(event.crossing)];
    const pvc::Budget& budget = event.budget;
    notify::Notification n;
    n.budget = budget.namespace_name + "/" + budget.quota_name + "/" + budget.limit.key;
    n.state = print::CrossingName(event.crossing);
    n.text = print::BudgetCrossingSummary(budget, event.crossing);
    n.document = print::BudgetEventDocument(event, Standing(), actions_ != nullptr);
    n.env = {{"PVCWATCH_EVENT", n.state},
             {"PVCWATCH_TOTAL", budget.used.String()},
             {"PVCWATCH_MAX_CLAIMS", budget.limit.hard.String()},
             {"PVCWATCH_PERCENT",
              print::FormatPercent(pvc::UsagePercent(budget.used, budget.limit.hard))},
             {"PVCWATCH_NAMESPACE", budget.namespace_name},
             {"PVCWATCH_QUOTA", budget.quota_name},
             {"PVCWATCH_RESOURCE", budget.limit.key}};
    Record({"ResourceQuota", budget.namespace_name, budget.quota_name, budget.quota_uid},
           event.crossing, n.text);
    Act(std::move(n), [&](bool action) { printer_->PrintBudget(event, Standing(), action); });
  }

  void CheckThreshold() {
    if (in_.threshold == nullptr) return;
    pvc::Threshold& threshold = *in_.threshold;
    const pvc::Threshold::Crossing crossing = threshold.Update(in_.ledger.total());
    if (crossing == pvc::Threshold::Crossing::kNone) return;
    ++counters_.crossings[print::CrossingName(crossing)];
    const Quantity& total = in_.ledger.total();
    notify::Notification n;
    n.state = print::CrossingName(crossing);
    n.text = print::CrossingSummary(crossing, Standing());
    n.document = print::CrossingDocument(crossing, Standing(), actions_ != nullptr);
    n.env = {{"PVCWATCH_EVENT", n.state},
             {"PVCWATCH_TOTAL", total.String()},
             {"PVCWATCH_MAX_CLAIMS", threshold.max().String()},
             {"PVCWATCH_PERCENT", print::FormatPercent(threshold.Percent(total))},
             {"PVCWATCH_NAMESPACE", in_.scope.namespace_name}};
    Record({"Namespace", "", in_.scope.namespace_name, ""}, crossing, n.text);
    Act(std::move(n), [&](bool action) { printer_->PrintCrossing(crossing, Standing(), action); });
  }

  // A watch thread: runs its reflector until the clock stops or a fatal error, which it
  // keeps and reports by waking the main thread (which owns the end of the watch).
  std::thread Start(watch::Reflector& reflector, const std::string& resource_version,
                    std::exception_ptr& failure, const go::SignalWaiter& main_thread) {
    running_.Started();
    return std::thread([this, &reflector, resource_version, &failure, &main_thread] {
      try {
        reflector.RunFrom(resource_version);
      } catch (...) {
        std::lock_guard lock(mutex_);
        failure = std::current_exception();
      }
      running_.Ended();
      main_thread.Wake();
    });
  }

  // The end, cooperative and bounded: the clock stops (backoffs and Retry-After waits
  // end), the reads and connects under way are cancelled (the watches end), running
  // actions are ended, and a write blocked on a stalled stdout is given up.
  void End() {
    in_.clock.Stop();
    in_.lister_watcher.Cancel();
    if (in_.quota != nullptr) in_.quota->lister_watcher.Cancel();
    if (dispatcher_) dispatcher_->Stop();
    for (const auto& webhook : webhooks_) webhook->Stop(kOutputGrace);
    if (recorder_) recorder_->Stop(kOutputGrace);
    if (actions_) actions_->Stop();
    if (!running_.WaitAll(kOutputGrace)) print::FdOutput::AbandonBlockedWrites();
  }

  // A thread's fatal error ends the watch with it (after a signal the watch just ends).
  int Report(bool thread_ended) {
    const std::exception_ptr failure = claims_failure_ ? claims_failure_ : quota_failure_;
    int code = kExitOk;
    if (thread_ended && failure) {
      out_.flush();
      try {
        std::rethrow_exception(failure);
      } catch (const std::exception& e) {
        err_ << ErrorText(e);
      }
      code = kExitError;
    }
    out_.flush();
    err_.flush();
    return code;
  }

  const WatchInputs& in_;
  std::ostream& out_;
  std::ostream& err_;
  OutputMutex mutex_;
  std::unique_ptr<print::EventPrinter> printer_;
  std::unique_ptr<pvc::ActionRunner> actions_;
  std::vector<std::unique_ptr<notify::Webhook>> webhooks_;
  std::unique_ptr<notify::Dispatcher> dispatcher_;  // after its sinks: stopped first
  std::unique_ptr<notify::EventRecorder> recorder_;
  LockedStore claims_store_;
  watch::Reflector claims_;
  std::unique_ptr<LockedStore> quota_store_;
  std::unique_ptr<watch::Reflector> quotas_;
  Running running_;
  std::exception_ptr claims_failure_, quota_failure_;
  metrics::WatchCounters counters_;
  std::unique_ptr<metrics::Server> metrics_;  // last: stopped first
};

}  // namespace

int RunWatch(const Options& options, const WatchInputs& inputs, const WatchSettings& settings,
             std::unique_ptr<print::EventPrinter> printer, std::ostream& out, std::ostream& err) {
  return Watch(options, inputs, settings, std::move(printer), out, err).Run();
}

}  // namespace pvcwatch::cli
