#pragma once

#include <exception>
#include <string>

namespace pvcwatch::cli {

/// Exit codes, as documented in --help and README.md.
constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitOverage = 3;

/// kubectl's one-line wording for an exception thrown by Run or ParseOptions.
std::string ErrorMessage(const std::exception& error);

}  // namespace pvcwatch::cli
