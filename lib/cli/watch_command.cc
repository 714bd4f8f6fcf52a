#include "cli/watch_command.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "print/event_printer.h"
#include "pvc/action.h"
#include "watch/clock.h"
#include "watch/reflector.h"

namespace pvcwatch::cli {
namespace {

constexpr std::chrono::seconds kActionTimeout{60};

print::EventFormat FormatOf(const Options& options) {
  if (options.output == "json") return print::EventFormat::kJson;
  if (options.output == "yaml") return print::EventFormat::kYaml;
  return print::EventFormat::kText;
}

}  // namespace

int RunWatch(const Options& options, watch::ListerWatcher& lister_watcher,
             const watch::Scope& scope, const std::string& resource_version, pvc::Ledger& ledger,
             pvc::Threshold& threshold, std::ostream& out, std::ostream& err) {
  // Signals are taken by this thread alone, with sigwait: the watch thread may sit in a
  // blocking read for minutes, and a handler could not end that promptly or safely.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGUSR1);  // the watch thread is done
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::mutex output;  // one writer at a time, so a line is never cut by the exit
  print::EventPrinter printer(out, err, FormatOf(options), options.all_namespaces,
                              print::LogTimestamp);
  std::unique_ptr<pvc::ActionRunner> actions;
  if (!options.exec.empty()) {
    actions = std::make_unique<pvc::ActionRunner>(
        options.exec, kActionTimeout, [&](const std::string& line) {
          std::lock_guard lock(output);
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

  // The ledger announces each change; the threshold is checked after each one.
  pvc::Ledger::ChangeListener on_change = [&](const pvc::Change& change) {
    std::lock_guard lock(output);
    printer.PrintChange(change, change.object, standing());
    check_threshold();
    printer.PrintStanding(standing());
  };
  ledger.set_listeners(on_change, [&](const std::string& warning) {
    std::lock_guard lock(output);
    printer.PrintNotice("Warning: " + warning);
  });
  {
    std::lock_guard lock(output);
    check_threshold();  // the starting state may already be over
  }

  watch::SystemClock clock;
  watch::Reflector reflector(lister_watcher, scope, ledger, clock);
  // For tests only: short server-side watch timeouts, to see watches end and resume.
  if (const char* seconds = std::getenv("PVCWATCH_WATCH_TIMEOUT_SECONDS")) {
    reflector.set_timeout_seconds(std::atoi(seconds));
  }
  if (options.verbosity >= 2) {
    reflector.set_observer({[&](const std::string& what) {
                              std::lock_guard lock(output);
                              printer.PrintNotice("watch: retrying after: " + what);
                            },
                            [&] {
                              std::lock_guard lock(output);
                              printer.PrintNotice("watch: listing");
                            }});
  }
  std::exception_ptr failure;
  pthread_t main_thread = pthread_self();
  std::thread worker([&] {
    try {
      reflector.RunFrom(resource_version);
    } catch (...) {
      failure = std::current_exception();
    }
    pthread_kill(main_thread, SIGUSR1);
  });

  int signal = 0;
  sigwait(&signals, &signal);
  if (signal != SIGUSR1) {
    // Interrupted: finish the line being written, flush, and leave at once; the watch
    // thread may be blocked in a read that only the server's timeout would end.
    std::lock_guard lock(output);
    out.flush();
    err.flush();
    _exit(0);
  }
  worker.join();
  if (failure) std::rethrow_exception(failure);
  return 0;
}

}  // namespace pvcwatch::cli
