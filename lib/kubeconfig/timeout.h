#pragma once

#include <chrono>
#include <string_view>

namespace pvcwatch::kubeconfig {

/// Parses a --request-timeout value as kubectl does (client-go clientcmd.ParseTimeout):
/// a non-negative integer is seconds ("0" = no timeout, "30"), anything else a Go
/// duration ("1s", "2m", "1h30m", "1.5s", "300ms"). Sub-millisecond positive values
/// round up to 1ms; negative durations mean no timeout, as for Go's http.Client.
/// Throws Error with kubectl's "Invalid timeout value. ..." message.
std::chrono::milliseconds ParseTimeout(std::string_view value);

}  // namespace pvcwatch::kubeconfig
