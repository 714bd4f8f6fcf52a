#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace pvcwatch::clock {

/// Time as the reflector and the REST client's retries see it (k8s.io/utils/clock's
/// role); tests substitute a fake that never sleeps.
class Clock {
 public:
  using Duration = std::chrono::milliseconds;
  virtual ~Clock() = default;
  virtual std::chrono::steady_clock::time_point Now() = 0;
  /// Waits `d`, or less when Stop() is called. Returns false once stopped.
  virtual bool Sleep(Duration d) = 0;
  virtual void Stop() = 0;
  virtual bool Stopped() const = 0;
};

/// The real clock; Stop() wakes a Sleep() at once.
class SystemClock : public Clock {
 public:
  std::chrono::steady_clock::time_point Now() override { return std::chrono::steady_clock::now(); }
  bool Sleep(Duration d) override {
    std::unique_lock lock(mutex_);
    cv_.wait_for(lock, d, [this] { return stopped_.load(); });
    return !stopped_;
  }
  void Stop() override {
    {
      std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    cv_.notify_all();
  }
  bool Stopped() const override { return stopped_; }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::atomic<bool> stopped_{false};
};

}  // namespace pvcwatch::clock
