#include "rest/retry.h"

#include <algorithm>
#include <cstdint>

#include "go/strconv.h"

namespace pvcwatch::rest {

std::optional<int> RetryAfterSeconds(std::string_view header) {
  // client-go reads the header with strconv.Atoi; beyond any wait obeyed, so clamped to
  // stay an int.
  const std::optional<std::int64_t> seconds = go::ParseIntOrNull(header);
  if (!seconds) return std::nullopt;
  return static_cast<int>(std::clamp<std::int64_t>(*seconds, -1'000'000'000, 1'000'000'000));
}

std::optional<int> RetryAfterWait(int status, std::string_view retry_after) {
  if (status != 429 && status < 500) return std::nullopt;
  std::optional<int> seconds = RetryAfterSeconds(retry_after);
  if (!seconds) return std::nullopt;
  return std::clamp(*seconds, 0, kMaxRetryAfterSeconds);
}

}  // namespace pvcwatch::rest
