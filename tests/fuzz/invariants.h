#pragma once

// What the fuzz targets check with: a broken invariant aborts, so libFuzzer keeps the
// input as a reproducer.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace pvcwatch::fuzz {

inline void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

inline bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

/// A fixed "now", so AGE cells do not depend on when the fuzzer runs.
inline const std::chrono::system_clock::time_point kNow{std::chrono::seconds(1800000000)};

}  // namespace pvcwatch::fuzz
