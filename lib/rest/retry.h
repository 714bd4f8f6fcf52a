#pragma once

#include <optional>
#include <string_view>

namespace pvcwatch::rest {

/// client-go's rest.Request retries a request the server answered 429 or 5xx with a
/// Retry-After header, this many times at most; the last answer is the result.
inline constexpr int kMaxRequestRetries = 10;

/// The longest wait a Retry-After is obeyed for (requests and the watch's 429s alike), so
/// a hostile server cannot park the command for longer.
inline constexpr int kMaxRetryAfterSeconds = 300;

/// A Retry-After header as client-go reads it (retryAfterSeconds: strconv.Atoi, so an
/// optional sign and decimal digits; an HTTP date is not read). nullopt when unreadable.
std::optional<int> RetryAfterSeconds(std::string_view header);

/// How long to wait before retrying an answer with `status` and the Retry-After header
/// `retry_after`, when client-go would retry it (checkWait): 429 or 5xx, and a readable
/// header. A negative wait retries at once; a wait is capped at kMaxRetryAfterSeconds.
std::optional<int> RetryAfterWait(int status, std::string_view retry_after);

}  // namespace pvcwatch::rest
