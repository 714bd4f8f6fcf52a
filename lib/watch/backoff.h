#pragma once

#include <chrono>
#include <random>

namespace pvcwatch::watch {

/// client-go's reflector backoff: 800 ms doubling to 30 s, with jitter, back to the
/// start after 2 minutes without a failure.
class Backoff {
 public:
  using Duration = std::chrono::milliseconds;
  using TimePoint = std::chrono::steady_clock::time_point;

  explicit Backoff(uint32_t seed = std::random_device{}()) : random_(seed) {}
  /// The wait before the next attempt after a failure at `now`.
  Duration Next(TimePoint now);

  static constexpr Duration kInitial{800};
  static constexpr Duration kMax{30000};
  static constexpr std::chrono::minutes kResetAfter{2};
  static constexpr double kJitter = 1.0;  // up to +100%, as wait.Jitter(d, 1.0)

 private:
  std::mt19937 random_;
  Duration current_{0};
  TimePoint last_failure_{};
};

}  // namespace pvcwatch::watch
