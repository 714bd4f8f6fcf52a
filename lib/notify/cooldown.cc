#include "notify/cooldown.h"

#include <utility>

namespace pvcwatch::notify {

std::optional<Notification> Cooldown::Offer(Notification notification, TimePoint now) {
  if (period_.count() <= 0) return notification;
  auto it = limits_.find(notification.budget);
  if (it != limits_.end() && now < it->second.until) {
    ++it->second.held;
    it->second.latest = std::move(notification);
    return std::nullopt;
  }
  limits_[notification.budget] = Limit{notification.state, now + period_, 0, std::nullopt};
  return notification;
}

std::vector<Cooldown::Ended> Cooldown::Expire(TimePoint now) {
  std::vector<Ended> ended;
  for (auto it = limits_.begin(); it != limits_.end();) {
    Limit& limit = it->second;
    if (now < limit.until) {
      ++it;
      continue;
    }
    if (limit.held == 0) {
      it = limits_.erase(it);
      continue;
    }
    Ended end{it->first, limit.sent_state, limit.held, std::nullopt};
    if (limit.latest->state != limit.sent_state) {
      Notification send = std::move(*limit.latest);
      send.held = true;
      send.suppressed = limit.held - 1;
      // The document and the action say so too (README, "Notifications").
      send.document.Set("held", json::Value::Bool(true));
      send.document.Set("suppressed", json::Value::Number(std::to_string(send.suppressed)));
      send.env["PVCWATCH_SUPPRESSED"] = std::to_string(send.suppressed);
      end.send = send;
      limit = Limit{send.state, now + period_, 0, std::nullopt};
    } else {
      limit = Limit{limit.sent_state, limit.until, 0, std::nullopt};
    }
    ended.push_back(std::move(end));
    ++it;
  }
  return ended;
}

std::optional<Cooldown::TimePoint> Cooldown::NextEnd() const {
  std::optional<TimePoint> next;
  for (const auto& [budget, limit] : limits_) {
    if (limit.held > 0 && (!next || limit.until < *next)) next = limit.until;
  }
  return next;
}

}  // namespace pvcwatch::notify
