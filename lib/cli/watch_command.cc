#include "cli/watch_command.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <ostream>
#include <thread>

#include "cli/error_message.h"
#include "print/event_printer.h"
#include "print/fd_output.h"
#include "print/terminal_escape.h"
#include "pvc/action.h"
#include "clock/clock.h"
#include "watch/reflector.h"

namespace pvcwatch::cli {
namespace {

// How long the end of the watch waits for its threads before a write blocked on a
// stalled stdout (a reader that stopped reading) is given up, and then before the
// process ends without them (a thread still connecting, bounded only by its timeout).
constexpr std::chrono::seconds kOutputGrace{2};
constexpr std::chrono::seconds kShutdownGrace{3};

using OutputMutex = std::recursive_timed_mutex;

print::EventFormat FormatOf(const Options& options) {
  if (options.output == "json") return print::EventFormat::kJson;
  if (options.output == "yaml") return print::EventFormat::kYaml;
  return print::EventFormat::kText;
}

// Two reflectors (claims, quotas) and the action reporter share the ledger, the
// threshold and the output: every store call runs under one lock, and the listeners it
// triggers run inside it (hence recursive).
class LockedStore : public watch::Store {
 public:
  LockedStore(watch::Store& store, OutputMutex& mutex) : store_(store), mutex_(mutex) {}
  void Add(const json::Value& o) override { Locked([&] { store_.Add(o); }); }
  void Update(const json::Value& o) override { Locked([&] { store_.Update(o); }); }
  void Delete(const json::Value& o) override { Locked([&] { store_.Delete(o); }); }
  void BeginReplace() override { Locked([&] { store_.BeginReplace(); }); }
  void ReplacePage(const std::vector<json::Value>& items) override {
    Locked([&] { store_.ReplacePage(items); });
  }
  void EndReplace(const std::string& rv) override { Locked([&] { store_.EndReplace(rv); }); }

 private:
  template <typename F>
  void Locked(F&& f) {
    std::lock_guard lock(mutex_);
    f();
  }
  watch::Store& store_;
  OutputMutex& mutex_;
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

// A watch thread: runs its reflector until the clock stops or a fatal error, which it
// keeps and reports by waking the main thread (which owns the end of the watch).
std::thread StartReflector(watch::Reflector& reflector, const std::string& resource_version,
                           std::exception_ptr& failure, OutputMutex& mutex, Running& running,
                           pthread_t main_thread) {
  running.Started();
  return std::thread([&reflector, resource_version, &failure, &mutex, &running, main_thread] {
    try {
      reflector.RunFrom(resource_version);
    } catch (...) {
      std::lock_guard lock(mutex);
      failure = std::current_exception();
    }
    running.Ended();
    pthread_kill(main_thread, SIGUSR1);
  });
}

sigset_t WatchSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGUSR1);  // a watch thread is done
  return signals;
}

}  // namespace

void BlockWatchSignals() {
  sigset_t signals = WatchSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

int RunWatch(const Options& options, watch::ListerWatcher& lister_watcher,
              const watch::Scope& scope, const std::string& resource_version,
              pvc::Ledger& ledger, pvc::Threshold& threshold, QuotaSource* quota,
              clock::Clock& clock, std::ostream& out, std::ostream& err) {
  // Signals are taken by this thread alone, with sigwait: a watch thread may sit in a
  // blocking read for minutes, and a handler could not end that promptly or safely.
  sigset_t signals = WatchSignals();
  BlockWatchSignals();

  OutputMutex mutex;
  print::EventPrinter printer(out, err, FormatOf(options), options.all_namespaces,
                              print::LogTimestamp);
  std::unique_ptr<pvc::ActionRunner> actions;
  if (!options.exec.empty()) {
    actions = std::make_unique<pvc::ActionRunner>(
        options.exec, pvc::ActionLimits{}, [&](const std::string& line) {
          std::lock_guard lock(mutex);
          printer.PrintNotice(line);
        });
  }

  auto standing = [&] {
    return print::Standing{ledger.total(), threshold.max(), threshold.Percent(ledger.total())};
  };
  auto check_threshold = [&] {
    pvc::Threshold::Crossing crossing = threshold.Update(ledger.total());
    if (crossing == pvc::Threshold::Crossing::kNone) return;
    printer.PrintCrossing(crossing, standing(), actions != nullptr);
    if (actions) {
      bool over = crossing == pvc::Threshold::Crossing::kOverage;
      actions->Start({{"PVCWATCH_EVENT", over ? "overage" : "normal"},
                      {"PVCWATCH_TOTAL", ledger.total().String()},
                      {"PVCWATCH_MAX_CLAIMS", threshold.max().String()},
                      {"PVCWATCH_PERCENT", print::FormatPercent(threshold.Percent(ledger.total()))},
                      {"PVCWATCH_NAMESPACE", scope.namespace_name}});
    }
  };

  ledger.set_listeners(
      [&](const pvc::Change& change) {
        printer.PrintChange(change, change.object, standing());
        check_threshold();
        printer.PrintStanding(standing());
      },
      [&](const std::string& warning) { printer.PrintNotice("Warning: " + warning); });
  if (quota != nullptr) {
    quota->limit.set_listener([&](const std::optional<Quantity>& limit, const std::string& source) {
      if (!limit) {
        printer.PrintNotice("Warning: no ResourceQuota in namespace " + scope.namespace_name +
                            " sets requests.storage any more; keeping max claims " +
                            threshold.max().String());
        return;
      }
      threshold.set_max(*limit);
      printer.PrintLimit(source, standing());
      check_threshold();
      printer.PrintStanding(standing());
    });
  }
  {
    std::lock_guard lock(mutex);
    check_threshold();  // the starting state may already be over
  }

  LockedStore claims_store(ledger, mutex);
  watch::Reflector claims(lister_watcher, scope, claims_store, clock);
  std::unique_ptr<LockedStore> quota_store;
  std::unique_ptr<watch::Reflector> quotas;
  if (quota != nullptr) {
    quota_store = std::make_unique<LockedStore>(quota->limit, mutex);
    quotas = std::make_unique<watch::Reflector>(quota->lister_watcher,
                                                watch::Scope{scope.namespace_name, "", ""},
                                                *quota_store, clock);
  }
  // For tests only: short server-side watch timeouts, to see watches end and resume.
  if (const char* seconds = std::getenv("PVCWATCH_WATCH_TIMEOUT_SECONDS")) {
    claims.set_timeout_seconds(std::atoi(seconds));
    if (quotas) quotas->set_timeout_seconds(std::atoi(seconds));
  }
  if (options.verbosity >= 2) {
    auto observer = [&](const std::string& what) {
      return watch::ReflectorObserver{
          [&, what](const std::string& why) {
            std::lock_guard lock(mutex);
            printer.PrintNotice(what + ": retrying after: " + why);
          },
          [&, what] {
            std::lock_guard lock(mutex);
            printer.PrintNotice(what + ": listing");
          }};
    };
    claims.set_observer(observer("watch"));
    if (quotas) quotas->set_observer(observer("quota watch"));
  }

  pthread_t self = pthread_self();
  Running running;
  std::exception_ptr claims_failure, quota_failure;
  std::thread claims_thread =
      StartReflector(claims, resource_version, claims_failure, mutex, running, self);
  std::thread quota_thread;
  if (quotas) {
    quota_thread =
        StartReflector(*quotas, quota->resource_version, quota_failure, mutex, running, self);
  }

  int signal = 0;
  sigwait(&signals, &signal);
  // The end, cooperative and bounded: the clock stops (backoffs and Retry-After waits
  // end), the reads under way are cancelled (the watches end), running actions are ended,
  // and a write blocked on a stalled stdout is given up; then the threads are joined.
  clock.Stop();
  lister_watcher.Cancel();
  if (quota != nullptr) quota->lister_watcher.Cancel();
  if (actions) actions->Stop();
  if (!running.WaitAll(kOutputGrace)) print::FdOutput::AbandonBlockedWrites();
  if (!running.WaitAll(kShutdownGrace)) {
    // A thread still connecting (dial 30 s, handshake 10 s): nothing can join it sooner,
    // and it uses what this frame owns, so the process ends here, its output flushed.
    std::unique_lock lock(mutex, std::defer_lock);
    if (lock.try_lock_for(kOutputGrace)) {
      out.flush();
      err.flush();
    }
    _exit(signal == SIGUSR1 ? kExitError : kExitOk);
  }
  claims_thread.join();
  if (quota_thread.joinable()) quota_thread.join();
  if (actions) actions->Join(kOutputGrace);

  std::exception_ptr failure = claims_failure ? claims_failure : quota_failure;
  int code = kExitOk;
  if (signal == SIGUSR1 && failure) {
    out.flush();
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& e) {
      err << print::EscapeLine(ErrorMessage(e)) << "\n";
    }
    code = kExitError;
  }
  out.flush();
  err.flush();
  return code;
}

}  // namespace pvcwatch::cli
