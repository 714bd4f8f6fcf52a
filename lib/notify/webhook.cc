#include "notify/webhook.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "json/encode.h"
#include "rest/errors.h"

namespace pvcwatch::notify {
namespace {

// Slack's mrkdwn takes &, < and > as markup: they are escaped as its entities.
std::string SlackEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

// Retried: no answer, a timeout the server gave up on, throttling, and server errors.
bool Retryable(int status) { return status == 408 || status == 429 || status >= 500; }

// Retry-After in seconds, as an API server or a chat service sends it; nullopt otherwise.
std::optional<std::chrono::milliseconds> RetryAfter(const std::string& value) {
  if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos ||
      value.size() > 6) {
    return std::nullopt;
  }
  return std::chrono::seconds(std::stoi(value));
}

// As Go prints a whole duration: "2s", "500ms".
std::string Seconds(std::chrono::milliseconds wait) {
  const auto ms = wait.count();
  return ms % 1000 == 0 ? std::to_string(ms / 1000) + "s" : std::to_string(ms) + "ms";
}

}  // namespace

std::string WebhookBody(WebhookFormat format, const Notification& notification) {
  if (format == WebhookFormat::kJson) return json::CompactJson(notification.document);
  std::string text = notification.text;
  if (notification.held) {
    text += " (held by the cooldown; " + std::to_string(notification.suppressed) +
            " crossings in between not sent)";
  }
  json::Value body;
  body.Set("text", json::Value::String(SlackEscape(text)));
  return json::CompactJson(body);
}

Webhook::Webhook(int index, WebhookOptions options, Reporter report)
    : options_(std::move(options)),
      report_(std::move(report)),
      poster_(options_.target),
      name_("webhook " + std::to_string(index) + " (" + poster_.name() + ")") {
  thread_ = std::thread([this] { Run(); });
}

Webhook::~Webhook() { Stop(std::chrono::milliseconds(0)); }

void Webhook::Send(const Notification& notification) {
  Item item{notification.state, WebhookBody(options_.format, notification)};
  std::optional<std::string> dropped;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    if (queue_.size() >= options_.queue) {
      dropped = queue_.front().state;
      queue_.pop_front();
      ++counts_.dropped;
    }
    queue_.push_back(std::move(item));
    counts_.queued = queue_.size();
  }
  wake_.notify_all();
  if (dropped) {
    report_(name_ + ": " + std::to_string(options_.queue) + " crossings waiting; dropped the " +
            "oldest (" + *dropped + ")");
  }
}

void Webhook::Stop(std::chrono::milliseconds grace) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      stopping_ = true;
      deadline_ = std::chrono::steady_clock::now() + grace;
    }
  }
  wake_.notify_all();
  if (!thread_.joinable()) return;
  std::unique_lock lock(mutex_);
  // The thread is given until the deadline for what is queued, then its request ends.
  if (!wake_.wait_until(lock, deadline_, [&] { return queue_.empty(); })) {
    lock.unlock();
    poster_.Cancel();
  } else {
    lock.unlock();
  }
  if (thread_.joinable()) thread_.join();
}

bool Webhook::Wait(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  return !wake_.wait_for(lock, wait, [&] { return stopping_; });
}

void Webhook::Run() {
  for (;;) {
    Item item;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      if (stopping_ && std::chrono::steady_clock::now() >= deadline_) {
        counts_.dropped += queue_.size();
        const std::size_t left = queue_.size();
        queue_.clear();
        counts_.queued = 0;
        lock.unlock();
        wake_.notify_all();
        report_(name_ + ": " + std::to_string(left) + " crossing(s) not sent: the watch ended");
        return;
      }
      item = queue_.front();
    }
    Deliver(item);
    {
      std::lock_guard lock(mutex_);
      if (!queue_.empty()) queue_.pop_front();
      counts_.queued = queue_.size();
    }
    wake_.notify_all();
  }
}

void Webhook::Deliver(const Item& item) {
  std::chrono::milliseconds backoff = options_.backoff;
  for (int attempt = 1;; ++attempt) {
    std::string failure;
    std::optional<std::chrono::milliseconds> wait;
    bool retry = true;
    try {
      const rest::PostResult result = poster_.Post("application/json", item.body);
      if (result.status >= 200 && result.status < 300) {
        ++counts_.sent;
        return;
      }
      failure = "HTTP " + std::to_string(result.status);
      retry = Retryable(result.status);
      wait = RetryAfter(result.retry_after);
    } catch (const rest::ConnectionError& e) {
      failure = e.what();
    }
    ++counts_.failed;
    bool stopping;
    {
      std::lock_guard lock(mutex_);
      stopping = stopping_;
    }
    if (!retry || attempt >= options_.attempts || stopping) {
      ++counts_.dropped;
      report_(name_ + ": the " + item.state + " crossing was not sent: " + failure +
              (retry && !stopping ? " (after " + std::to_string(attempt) + " attempts)" : ""));
      return;
    }
    const std::chrono::milliseconds pause = std::min(wait.value_or(backoff), options_.max_backoff);
    report_(name_ + ": " + failure + "; retrying in " + Seconds(pause));
    backoff = std::min(backoff * 2, options_.max_backoff);
    if (!Wait(pause)) {
      ++counts_.dropped;
      report_(name_ + ": the " + item.state + " crossing was not sent: the watch ended");
      return;
    }
  }
}

}  // namespace pvcwatch::notify
