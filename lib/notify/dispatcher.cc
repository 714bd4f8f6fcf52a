#include "notify/dispatcher.h"

#include <optional>
#include <utility>

namespace pvcwatch::notify {

Dispatcher::Dispatcher(std::chrono::milliseconds cooldown, std::vector<Sink> sinks, Reporter report)
    : sinks_(std::move(sinks)), report_(std::move(report)), cooldown_(cooldown) {
  if (cooldown.count() > 0) thread_ = std::thread([this] { Run(); });
}

Dispatcher::~Dispatcher() { Stop(); }

void Dispatcher::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::optional<Notification> Dispatcher::Admit(Notification notification) {
  std::optional<Notification> now;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return std::nullopt;
    now = cooldown_.Offer(std::move(notification), std::chrono::steady_clock::now());
  }
  wake_.notify_all();  // a new cooldown may end first
  return now;
}

void Dispatcher::Send(const Notification& notification) {
  for (const Sink& sink : sinks_) sink(notification);
}

void Dispatcher::Run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    const std::optional<Cooldown::TimePoint> next = cooldown_.NextEnd();
    if (next) {
      wake_.wait_until(lock, *next);
    } else {
      wake_.wait(lock);
    }
    if (stopping_) return;
    std::vector<Cooldown::Ended> ended = cooldown_.Expire(std::chrono::steady_clock::now());
    lock.unlock();
    for (const Cooldown::Ended& end : ended) {
      const std::string limit = end.budget.empty() ? "--max-claims" : end.budget;
      if (end.send) {
        suppressed_ += end.held - 1;
        report_("Cooldown of " + limit + " over: sending the " + end.send->state +
                " crossing it held (" + std::to_string(end.held) + " held back, the last sent)");
        Send(*end.send);
      } else {
        suppressed_ += end.held;
        report_("Cooldown of " + limit + " over: " + std::to_string(end.held) +
                " crossing(s) held back and not sent; the limit is back at " + end.state +
                ", as last sent");
      }
    }
    lock.lock();
  }
}

}  // namespace pvcwatch::notify
