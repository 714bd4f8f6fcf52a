#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "notify/notification.h"
#include "notify/work_queue.h"
#include "rest/http_post.h"

namespace pvcwatch::notify {

/// What a webhook is sent: the JSON event, or a Slack-compatible {"text": ...}.
enum class WebhookFormat { kJson, kSlack };

/// How one --webhook is delivered.
struct WebhookOptions {
  rest::PostTarget target;
  WebhookFormat format = WebhookFormat::kJson;
  std::size_t queue = 64;                   // crossings waiting; when full the oldest is dropped
  int attempts = 5;                         // per crossing, the first included
  std::chrono::milliseconds backoff{1000};  // doubled after each failure ...
  std::chrono::milliseconds max_backoff{30000};  // ... up to this (also caps Retry-After)
};

/// What a webhook has done, for the metrics.
struct WebhookCounts {
  std::atomic<std::uint64_t> sent{0};     // crossings the receiver took (2xx)
  std::atomic<std::uint64_t> failed{0};   // requests that failed (no answer, non-2xx)
  std::atomic<std::uint64_t> dropped{0};  // crossings given up: attempts spent, queue full, end
  std::atomic<std::uint64_t> queued{0};   // waiting now
};

/// The body posted for `notification` in `format`.
std::string WebhookBody(WebhookFormat format, const Notification& notification);

/// One --webhook: a thread posting the crossings queued by Send, in order, retrying a
/// failed one with backoff (no answer, 408, 429, 5xx), never blocking the watch: Send
/// only queues. What fails is said through `report`, naming the webhook by its index and
/// scheme://host:port only (its URL may hold a secret).
class Webhook {
 public:
  using Reporter = std::function<void(const std::string&)>;

  /// Throws rest::ConfigError for an unusable URL or CA bundle.
  Webhook(int index, WebhookOptions options, Reporter report);
  /// Stop with no grace.
  ~Webhook();
  Webhook(const Webhook&) = delete;
  Webhook& operator=(const Webhook&) = delete;

  void Send(const Notification& notification);

  /// Ends the thread: what is queued may still be sent (once each, no retries) until
  /// `grace` is over; then the request under way is cancelled and the rest dropped.
  void Stop(std::chrono::milliseconds grace);

  const WebhookCounts& counts() const { return counts_; }
  /// "webhook 1 (https://host:port)", and its scheme://host:port alone.
  const std::string& name() const { return name_; }
  const std::string& url() const { return poster_.name(); }

 private:
  struct Item {
    std::string state;
    std::string body;
  };
  void Deliver(const Item& item);  // until the receiver takes it or it is given up

  WebhookOptions options_;
  Reporter report_;
  rest::Poster poster_;
  std::string name_;
  WebhookCounts counts_;
  WorkQueue<Item> queue_;  // last: its thread ends before the rest goes
};

}  // namespace pvcwatch::notify
