#pragma once

#include <chrono>
#include <exception>
#include <string>

namespace pvcwatch::cli {

/// Exit codes, as documented in --help and README.md.
constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitOverage = 3;

/// kubectl's one-line wording for an exception thrown by Run or ParseOptions.
std::string ErrorMessage(const std::exception& error);

/// ErrorMessage as kubectl's CheckErr writes it: escaped (print::EscapeLine) and ended by
/// a newline, unless it ends in one already (a JSONPath error ends in blank lines).
std::string ErrorText(const std::exception& error);

/// The line klog writes before kubectl exits from inside --sort-by's comparisons
/// (klog.Exitf, klog.Fatalf): "Fmmdd hh:mm:ss.uuuuuu PID source] message" at the local
/// time `now`; a Go panic has no source and prints "panic: message". The caller exits with
/// the status kubectl does (print::SortExit::exit_code).
std::string FormatKlogFatal(const std::string& source, const std::string& message,
                            std::chrono::system_clock::time_point now, int pid);

}  // namespace pvcwatch::cli
