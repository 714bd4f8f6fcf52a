#include "rest/retry.h"

#include <algorithm>

namespace pvcwatch::rest {

std::optional<int> RetryAfterWait(int status, std::string_view retry_after) {
  if (status != 429 && status < 500) return std::nullopt;
  // strconv.Atoi: an optional sign and decimal digits, nothing else (an HTTP date is not
  // read, as in client-go).
  std::string_view digits = retry_after;
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
  constexpr long long kMaxWaitSeconds = 300;
  return negative ? 0 : static_cast<int>(std::min(seconds, kMaxWaitSeconds));
}

}  // namespace pvcwatch::rest
