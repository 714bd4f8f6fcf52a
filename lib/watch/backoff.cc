#include "watch/backoff.h"

#include <algorithm>

namespace pvcwatch::watch {

Backoff::Duration Backoff::Next(TimePoint now) {
  // A failure after a healthy stretch starts over (client-go's backoff manager resets
  // after resetDuration without a Backoff() call).
  if (current_.count() == 0 || now - last_failure_ > kResetAfter) {
    current_ = kInitial;
  } else {
    current_ = std::min(current_ * 2, kMax);
  }
  last_failure_ = now;
  std::uniform_real_distribution<double> jitter(0.0, kJitter);
  return Duration(static_cast<int64_t>(current_.count() * (1.0 + jitter(random_))));
}

}  // namespace pvcwatch::watch
