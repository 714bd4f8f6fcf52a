#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace pvcwatch::print {

/// apimachinery's duration.HumanDuration, kubectl's AGE: "119s", "2m1s", "179m", "3h1m",
/// "47h", "2d1h", "729d", "7y364d", "8y"; "0s" down to -1.999s and "<invalid>" below.
std::string HumanDuration(std::chrono::nanoseconds d);

/// A timestamp as metav1.Time reads one (go::ParseRfc3339), or nullopt for Go's zero time
/// (0001-01-01T00:00:00Z), which kubectl shows as <unknown>. Throws go::TimeParseError.
std::optional<std::chrono::system_clock::time_point> ParseCreationTimestamp(std::string_view text);

/// kubectl's translateTimestampSince: "<unknown>" without a timestamp, else
/// HumanDuration(now - timestamp), saturating as Go's Time.Sub does.
std::string TranslateTimestampSince(std::optional<std::chrono::system_clock::time_point> timestamp,
                                    std::chrono::system_clock::time_point now);

}  // namespace pvcwatch::print
