// kubectl-pvcwatch: parse flags, run, map errors to kubectl's text and exit codes.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

#include "cli/error_message.h"
#include "cli/parse_options.h"
#include "cli/run.h"
#include "go/os.h"
#include "go/strconv.h"
#include "print/fd_output.h"
#include "print/sort_by.h"
#include "print/terminal_escape.h"

namespace {

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

// Output that cannot be written ends the program: the next event must not be lost
// silently (a full disk behind `> file`), and a reader that went away wants no more.
void OnStdoutError(int errnum) {
  if (errnum == EPIPE) EndBySigpipe();
  std::string line = "error: write /dev/stdout: " + pvcwatch::go::ErrnoText(errnum) + "\n";
  ssize_t ignored = write(STDERR_FILENO, line.data(), line.size());
  (void)ignored;
  _exit(pvcwatch::cli::kExitError);
}

void OnStderrError(int errnum) {
  if (errnum == EPIPE) EndBySigpipe();
  // Nowhere left to say it; stdout, if it still works, carries on.
}

}  // namespace

int main(int argc, char** argv) {
  using namespace pvcwatch::cli;
  using pvcwatch::print::EscapeLine;
  // Sockets must not kill us (OpenSSL writes without MSG_NOSIGNAL); our own output
  // handles EPIPE itself, above.
  signal(SIGPIPE, SIG_IGN);
  pvcwatch::print::FdOutput out_buffer(STDOUT_FILENO, OnStdoutError);
  pvcwatch::print::FdOutput err_buffer(STDERR_FILENO, OnStderrError, 4096);
  std::ostream out(&out_buffer);
  std::ostream err(&err_buffer);
  err << std::unitbuf;
  try {
    Options options = ParseOptions(argc, argv);
    // For the end-to-end tests only: short server-side watches, to see them end and
    // resume, and a service-account directory of their own for in-cluster mode.
    RunSettings settings;
    if (const char* seconds = std::getenv("PVCWATCH_WATCH_TIMEOUT_SECONDS")) {
      settings.watch.server_timeout_seconds =
          static_cast<int>(pvcwatch::go::ParseIntOrNull(seconds, 10, 32).value_or(0));
    }
    if (const char* dir = std::getenv("PVCWATCH_SERVICEACCOUNT_DIR"); dir && *dir) {
      settings.service_account_dir = dir;
    }
    return Run(options, {std::cin, out, err, isatty(STDOUT_FILENO) == 1}, settings);
  } catch (const pvcwatch::print::SortExit& e) {
    out.flush();
    err << EscapeLine(FormatKlogFatal(e.source(), e.what(), std::chrono::system_clock::now(),
                                      static_cast<int>(getpid())))
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
