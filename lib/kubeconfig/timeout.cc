#include "kubeconfig/timeout.h"

#include <cstdint>
#include <optional>
#include <string>

#include "go/strconv.h"
#include "go/time.h"
#include "kubeconfig/errors.h"

namespace pvcwatch::kubeconfig {
namespace {

// client-go tools/clientcmd/helpers.go ParseTimeout.
constexpr char kInvalidTimeout[] =
    "Invalid timeout value. Timeout must be a single integer in seconds, or an integer "
    "followed by a corresponding time unit (e.g. 1s | 2m | 3h)";

}  // namespace

std::chrono::milliseconds ParseTimeout(std::string_view value) {
  std::int64_t nanoseconds = 0;
  if (std::optional<std::int64_t> seconds = go::ParseIntOrNull(value); seconds && *seconds >= 0) {
    constexpr std::int64_t kMaxSeconds = INT64_MAX / 1000000000;
    // time.Duration(i) * time.Second wraps in Go; clamp instead of overflowing.
    nanoseconds = *seconds > kMaxSeconds ? INT64_MAX : *seconds * 1000000000;
  } else if (std::optional<std::int64_t> duration = go::ParseDuration(value)) {
    nanoseconds = *duration;
  } else {
    throw Error(kInvalidTimeout);
  }
  if (nanoseconds <= 0) return std::chrono::milliseconds(0);
  if (nanoseconds < 1000000) return std::chrono::milliseconds(1);
  return std::chrono::milliseconds(nanoseconds / 1000000);
}

}  // namespace pvcwatch::kubeconfig
