#include "notify/webhook.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "json/encode.h"
#include "rest/errors.h"
#include "rest/retry.h"

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

// Retry-After in seconds, read as client-go reads it; a negative one retries at once.
std::optional<std::chrono::milliseconds> RetryAfter(const std::string& value) {
  const std::optional<int> seconds = rest::RetryAfterSeconds(value);
  if (!seconds) return std::nullopt;
  return std::chrono::seconds(std::max(0, *seconds));
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
      name_("webhook " + std::to_string(index) + " (" + poster_.name() + ")"),
      queue_(options_.queue, WorkQueue<Item>::WhenFull::kDropOldest) {
  queue_.Start({[this](Item& item) {
                  Deliver(item);
                  counts_.queued = queue_.size();
                },
                [this] { poster_.Cancel(); },
                [this](std::size_t left) {
                  counts_.dropped += left;
                  counts_.queued = 0;
                  report_(name_ + ": " + std::to_string(left) +
                          " crossing(s) not sent: the watch ended");
                }});
}

Webhook::~Webhook() { Stop(std::chrono::milliseconds(0)); }

void Webhook::Send(const Notification& notification) {
  const std::optional<Item> dropped =
      queue_.Push({notification.state, WebhookBody(options_.format, notification)});
  counts_.queued = queue_.size();
  if (dropped) {
    ++counts_.dropped;
    report_(name_ + ": " + std::to_string(options_.queue) + " crossings waiting; dropped the " +
            "oldest (" + dropped->state + ")");
  }
}

void Webhook::Stop(std::chrono::milliseconds grace) { queue_.Stop(grace); }

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
    const bool stopping = queue_.stopping();
    if (!retry || attempt >= options_.attempts || stopping) {
      ++counts_.dropped;
      report_(name_ + ": the " + item.state + " crossing was not sent: " + failure +
              (retry && !stopping ? " (after " + std::to_string(attempt) + " attempts)" : ""));
      return;
    }
    const std::chrono::milliseconds pause = std::min(wait.value_or(backoff), options_.max_backoff);
    report_(name_ + ": " + failure + "; retrying in " + Seconds(pause));
    backoff = std::min(backoff * 2, options_.max_backoff);
    if (!queue_.Wait(pause)) {
      ++counts_.dropped;
      report_(name_ + ": the " + item.state + " crossing was not sent: the watch ended");
      return;
    }
  }
}

}  // namespace pvcwatch::notify
