#include "rest/retry.h"

#include <algorithm>

namespace pvcwatch::rest {

std::optional<int> RetryAfterSeconds(std::string_view header) {
  std::string_view digits = header;
  bool negative = false;
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  if (digits.empty() || digits.size() > 18) return std::nullopt;  // Atoi's range error
  long long seconds = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    seconds = seconds * 10 + (c - '0');
  }
  // Beyond any wait obeyed, so clamped to stay an int.
  seconds = std::min<long long>(seconds, 1'000'000'000);
  return static_cast<int>(negative ? -seconds : seconds);
}

std::optional<int> RetryAfterWait(int status, std::string_view retry_after) {
  if (status != 429 && status < 500) return std::nullopt;
  std::optional<int> seconds = RetryAfterSeconds(retry_after);
  if (!seconds) return std::nullopt;
  return std::clamp(*seconds, 0, kMaxRetryAfterSeconds);
}

}  // namespace pvcwatch::rest
