#include "cli/notify_options.h"

#include <optional>
#include <string>

#include "go/strconv.h"
#include "go/time.h"
#include "rest/http_post.h"

namespace pvcwatch::cli {
namespace {

// pflag's DurationVar: Go's time.ParseDuration, worded as pflag reports it; not negative.
std::chrono::milliseconds Duration(const std::string& value, const char* flag) {
  const std::optional<std::int64_t> ns = go::ParseDuration(value);
  if (!ns) {
    throw UsageError("invalid argument " + go::Quote(value) + " for \"--" + flag +
                     "\" flag: time: invalid duration " + go::Quote(value));
  }
  if (*ns < 0) {
    throw UsageError("invalid argument " + go::Quote(value) + " for \"--" + flag +
                     "\" flag: must not be negative");
  }
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::nanoseconds(*ns));
}

}  // namespace

NotifyOptions ParseNotifyOptions(const Options& options) {
  NotifyOptions notify;
  notify.cooldown = Duration(options.cooldown, "cooldown");
  const std::chrono::milliseconds timeout = Duration(options.webhook_timeout, "webhook-timeout");
  if (timeout.count() == 0) {
    throw UsageError("invalid argument " + go::Quote(options.webhook_timeout) +
                     " for \"--webhook-timeout\" flag: must be more than 0");
  }
  notify::WebhookFormat format = notify::WebhookFormat::kJson;
  if (options.webhook_format == "slack") {
    format = notify::WebhookFormat::kSlack;
  } else if (options.webhook_format != "json") {
    throw UsageError("invalid argument " + go::Quote(options.webhook_format) +
                     " for \"--webhook-format\" flag: must be json or slack");
  }
  int index = 0;
  for (const std::string& url : options.webhooks) {
    ++index;
    if (std::optional<std::string> error = rest::PostUrlError(url)) {
      throw UsageError("invalid argument for \"--webhook\" flag (webhook " + std::to_string(index) +
                       "): " + *error);
    }
    notify::WebhookOptions webhook;
    webhook.target = {url, options.webhook_ca, timeout};
    webhook.format = format;
    notify.webhooks.push_back(std::move(webhook));
  }
  if (options.record_events && options.all_namespaces && options.limits.max) {
    throw UsageError(
        "--record-events: a fixed --max-claims over all namespaces has no object to record "
        "its events on; use --max-claims quota, or a namespace");
  }
  if (options.once &&
      (!notify.webhooks.empty() || notify.cooldown.count() > 0 || options.record_events)) {
    throw UsageError(std::string(!notify.webhooks.empty() ? "--webhook"
                                 : options.record_events  ? "--record-events"
                                                          : "--cooldown") +
                     " acts on crossings while watching; it cannot be used with " +
                     (options.from_file.empty() ? "--once" : "--from-file"));
  }
  return notify;
}

}  // namespace pvcwatch::cli
