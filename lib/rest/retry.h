#pragma once

#include <optional>
#include <string_view>

namespace pvcwatch::rest {

/// client-go's rest.Request retries a request the server answered 429 or 5xx with a
/// Retry-After header, this many times at most; the last answer is the result.
inline constexpr int kMaxRequestRetries = 10;

/// How long to wait before retrying an answer with `status` and the Retry-After header
/// `retry_after`, when client-go would retry it (checkWait): 429 or 5xx, and a header Go's
/// strconv.Atoi reads. A negative wait retries at once; a wait is capped at 300 s so a
/// hostile server cannot park the command for longer.
std::optional<int> RetryAfterWait(int status, std::string_view retry_after);

}  // namespace pvcwatch::rest
