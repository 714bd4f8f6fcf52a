#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace pvcwatch::notify {

/// A thread working through a bounded queue one item at a time, for the sinks that must
/// never hold up the watch (webhooks, Events): Push only queues. The work may pause
/// (Wait, a retry's backoff), which Stop ends. Stop gives what is queued and the item
/// under way a grace, then cancels the work under way, drops the rest and joins.
template <typename Item>
class WorkQueue {
 public:
  enum class WhenFull { kDropOldest, kDropNew };
  struct Hooks {
    std::function<void(Item&)> work;
    std::function<void()> cancel;           // ends the work under way once the grace is over
    std::function<void(std::size_t)> left;  // how many items the end dropped (when any)
  };

  WorkQueue(std::size_t bound, WhenFull when_full) : bound_(bound), when_full_(when_full) {}
  ~WorkQueue() { Stop(std::chrono::milliseconds(0)); }
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;

  /// Starts the thread (once the owner is built: the hooks call into it).
  void Start(Hooks hooks) {
    hooks_ = std::move(hooks);
    thread_ = std::thread([this] { Run(); });
  }

  /// Queues `item`, unless stopping; when the queue is full, returns the item dropped to
  /// make room (the oldest, or `item` itself).
  std::optional<Item> Push(Item item) {
    std::optional<Item> dropped;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return std::nullopt;
      if (queue_.size() >= bound_ && when_full_ == WhenFull::kDropNew) return item;
      if (queue_.size() >= bound_) {
        dropped = std::move(queue_.front());
        queue_.pop_front();
      }
      queue_.push_back(std::move(item));
    }
    wake_.notify_all();
    return dropped;
  }

  /// Waits `wait`; false when Stop ended the wait (or had begun).
  bool Wait(std::chrono::milliseconds wait) {
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, wait, [&] { return stopping_; });
  }

  bool stopping() const {
    std::lock_guard lock(mutex_);
    return stopping_;
  }

  /// Items waiting (not the one under way).
  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
  }

  void Stop(std::chrono::milliseconds grace) {
    {
      std::lock_guard lock(mutex_);
      if (!stopping_) {
        stopping_ = true;
        deadline_ = std::chrono::steady_clock::now() + grace;
      }
    }
    wake_.notify_all();
    if (!thread_.joinable()) return;
    bool done;
    {
      std::unique_lock lock(mutex_);
      done = wake_.wait_until(lock, deadline_, [&] { return queue_.empty() && !busy_; });
    }
    if (!done && hooks_.cancel) hooks_.cancel();
    thread_.join();
  }

 private:
  void Run() {
    for (;;) {
      Item item;
      {
        std::unique_lock lock(mutex_);
        busy_ = false;
        wake_.notify_all();
        wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        if (stopping_ && std::chrono::steady_clock::now() >= deadline_) {
          const std::size_t left = queue_.size();
          queue_.clear();
          lock.unlock();
          if (hooks_.left) hooks_.left(left);
          return;
        }
        item = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
      }
      hooks_.work(item);
    }
  }

  const std::size_t bound_;
  const WhenFull when_full_;
  Hooks hooks_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Item> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  std::chrono::steady_clock::time_point deadline_;
  std::thread thread_;
};

}  // namespace pvcwatch::notify
