#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "notify/cooldown.h"
#include "notify/notification.h"

namespace pvcwatch::notify {

/// Hands each crossing to the sinks (--exec, each --webhook) through the --cooldown:
/// a crossing goes out at once or is held, and a thread sends what a cooldown held back
/// when it ends. Sinks only queue, so nothing here blocks the watch.
class Dispatcher {
 public:
  using Sink = std::function<void(const Notification&)>;
  using Reporter = std::function<void(const std::string&)>;

  /// `report` says what a cooldown held back; it and the sinks are called from the
  /// dispatcher's thread too, never with its lock held.
  Dispatcher(std::chrono::milliseconds cooldown, std::vector<Sink> sinks, Reporter report);
  ~Dispatcher();
  Dispatcher(const Dispatcher&) = delete;
  Dispatcher& operator=(const Dispatcher&) = delete;

  /// The crossing to send now, or nullopt when the cooldown holds it (or it stopped).
  std::optional<Notification> Admit(Notification notification);
  /// Hands a crossing Admit returned to every sink.
  void Send(const Notification& notification);

  /// Ends the thread; what a cooldown holds is not sent.
  void Stop();

  /// Crossings a cooldown held back and never sent (the metrics').
  std::uint64_t suppressed() const { return suppressed_; }

 private:
  void Run();

  std::vector<Sink> sinks_;
  Reporter report_;
  std::mutex mutex_;
  std::condition_variable wake_;
  Cooldown cooldown_;
  bool stopping_ = false;
  std::atomic<std::uint64_t> suppressed_{0};
  std::thread thread_;
};

}  // namespace pvcwatch::notify
