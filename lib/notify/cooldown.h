#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "notify/notification.h"

namespace pvcwatch::notify {

/// --cooldown: after a crossing of a limit is sent, later crossings of the same limit
/// wait until the period is over; then the latest is sent if it leaves the limit in
/// another state than the one sent, else nothing is (the limit flapped back). Either way
/// the crossings held back are reported. Time is given, so the rule is tested alone.
class Cooldown {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  explicit Cooldown(std::chrono::milliseconds period) : period_(period) {}

  /// A crossing: returned when it is to be sent now, nullopt when it is held back.
  std::optional<Notification> Offer(Notification notification, TimePoint now);

  /// A cooldown that ended with crossings held back.
  struct Ended {
    std::string budget;
    std::string state;                 // the state last sent
    std::uint64_t held = 0;            // crossings held back
    std::optional<Notification> send;  // the latest, when it changes the state sent
  };
  /// The cooldowns over by `now`; a notification sent from one starts the next.
  std::vector<Ended> Expire(TimePoint now);

  /// When the next cooldown holding crossings ends.
  std::optional<TimePoint> NextEnd() const;

 private:
  struct Limit {
    std::string sent_state;
    TimePoint until;
    std::uint64_t held = 0;
    std::optional<Notification> latest;
  };
  std::chrono::milliseconds period_;
  std::map<std::string, Limit> limits_;
};

}  // namespace pvcwatch::notify
