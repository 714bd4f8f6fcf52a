// kubectl-pvcwatch: parse flags, run, map errors to kubectl's text and exit codes.
#if !defined(_WIN32)
#include <pthread.h>
#include <signal.h>
#include <unistd.h>
#endif

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/error_message.h"
#include "cli/parse_options.h"
#include "cli/run.h"
#include "go/os.h"
#include "go/strconv.h"
#include "print/fd_output.h"
#include "print/sort_by.h"
#include "print/terminal_escape.h"

namespace {

#if !defined(_WIN32)
// As a Go program ends when it writes to a closed pipe on stdout or stderr: killed by
// SIGPIPE (status 141 in a shell), quietly. SIGPIPE stays ignored for sockets, where a
// reset connection is an error to handle, not the end.
[[noreturn]] void EndBySigpipe() {
  signal(SIGPIPE, SIG_DFL);
  sigset_t pipe;
  sigemptyset(&pipe);
  sigaddset(&pipe, SIGPIPE);
  pthread_sigmask(SIG_UNBLOCK, &pipe, nullptr);
  raise(SIGPIPE);
  _exit(128 + SIGPIPE);
}

#endif

// Output that cannot be written ends the program: the next event must not be lost
// silently (a full disk behind `> file`), and a reader that went away wants no more.
// (On Windows Go has no SIGPIPE: a closed pipe is an error like the others.)
void OnStdoutError(int errnum) {
#if !defined(_WIN32)
  if (errnum == EPIPE) EndBySigpipe();
#endif
  pvcwatch::print::FdOutput err(2, nullptr);
  std::ostream(&err) << "error: write /dev/stdout: " << pvcwatch::go::ErrnoText(errnum) << "\n";
  err.pubsync();
  std::_Exit(pvcwatch::cli::kExitError);
}

void OnStderrError([[maybe_unused]] int errnum) {
#if !defined(_WIN32)
  if (errnum == EPIPE) EndBySigpipe();
#endif
  // Nowhere left to say it; stdout, if it still works, carries on.
}

}  // namespace

int main(int argc, char** argv) {
  using namespace pvcwatch::cli;
  using pvcwatch::print::EscapeLine;
#if !defined(_WIN32)
  // Sockets must not kill us (OpenSSL writes without MSG_NOSIGNAL); our own output
  // handles EPIPE itself, above.
  signal(SIGPIPE, SIG_IGN);
#endif
  pvcwatch::print::FdOutput out_buffer(1, OnStdoutError);
  pvcwatch::print::FdOutput err_buffer(2, OnStderrError, 4096);
  std::ostream out(&out_buffer);
  std::ostream err(&err_buffer);
  err << std::unitbuf;
  try {
    const std::vector<std::string> args = pvcwatch::go::Args(argc, argv);
    std::vector<const char*> arg_pointers;
    for (const std::string& arg : args) arg_pointers.push_back(arg.c_str());
    Options options = ParseOptions(static_cast<int>(arg_pointers.size()), arg_pointers.data());
    // For the end-to-end tests only: short server-side watches, to see them end and
    // resume, quick webhook retries, and a service-account directory of their own for
    // in-cluster mode.
    RunSettings settings;
    if (auto seconds = pvcwatch::go::LookupEnv("PVCWATCH_WATCH_TIMEOUT_SECONDS")) {
      settings.watch.server_timeout_seconds =
          static_cast<int>(pvcwatch::go::ParseIntOrNull(*seconds, 10, 32).value_or(0));
    }
    if (auto ms = pvcwatch::go::LookupEnv("PVCWATCH_WEBHOOK_BACKOFF_MS")) {  // retries in ms
      const std::chrono::milliseconds backoff(
          pvcwatch::go::ParseIntOrNull(*ms, 10, 32).value_or(0));
      for (auto& webhook : options.notify.webhooks) {
        webhook.backoff = backoff;
        webhook.max_backoff = backoff * 8;
      }
    }
    if (std::string dir = pvcwatch::go::Getenv("PVCWATCH_SERVICEACCOUNT_DIR"); !dir.empty()) {
      settings.service_account_dir = dir;
    }
    return Run(options, {std::cin, out, err, pvcwatch::go::IsTerminal(1)}, settings);
  } catch (const pvcwatch::print::SortExit& e) {
    out.flush();
    err << EscapeLine(FormatKlogFatal(e.source(), e.what(), std::chrono::system_clock::now(),
                                      pvcwatch::go::Getpid()))
        << "\n";
    return e.exit_code();
  } catch (const UsageError& e) {
    err << EscapeLine(std::string("error: ") + e.what())
        << "\nSee 'kubectl pvcwatch --help' for usage.\n";
    return kExitError;
  } catch (const std::exception& e) {
    out.flush();
    err << ErrorText(e);
    return kExitError;
  }
}
