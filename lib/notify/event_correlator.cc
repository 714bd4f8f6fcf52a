#include "notify/event_correlator.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "go/time.h"
#include "json/encode.h"

namespace pvcwatch::notify {
namespace {

constexpr std::size_t kCacheEntries = 4096;      // maxLruCacheEntries
constexpr double kSpamBurst = 25;                // defaultSpamBurst
constexpr double kSpamQps = 1.0 / 300.0;         // defaultSpamQPS
constexpr std::size_t kAggregateMaxEvents = 10;  // defaultAggregateMaxEvents
constexpr std::chrono::seconds kAggregateInterval{600};

// The keys are client-go's: its fields joined with nothing between them.
std::string ObjectKey(const std::string& component, const std::string& host,
                      const InvolvedObject& o) {
  return component + host + o.kind + o.namespace_name + o.name + o.uid + "v1";
}

}  // namespace

std::string Rfc3339(EventCorrelator::Time time) {
  return go::FormatRfc3339(
      std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count());
}

template <typename Value>
Value* EventCorrelator::Lru<Value>::Get(const std::string& key) {
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  entries_.splice(entries_.begin(), entries_, it->second);
  return &it->second->second;
}

template <typename Value>
void EventCorrelator::Lru<Value>::Put(const std::string& key, Value value) {
  if (Value* found = Get(key)) {
    *found = std::move(value);
    return;
  }
  entries_.emplace_front(key, std::move(value));
  index_[key] = entries_.begin();
  if (entries_.size() > kCacheEntries) {
    index_.erase(entries_.back().first);
    entries_.pop_back();
  }
}

EventCorrelator::EventCorrelator(std::string component, std::string host)
    : component_(std::move(component)), host_(std::move(host)) {}

CorrelatedEvent EventCorrelator::Correlate(const EventRequest& request, Time now) {
  CorrelatedEvent out;
  const std::string object_key = ObjectKey(component_, host_, request.object);

  // The spam filter: a token bucket per source and object.
  Bucket bucket{kSpamBurst, now};
  if (Bucket* found = spam_.Get(object_key)) bucket = *found;
  const double elapsed = std::chrono::duration<double>(now - bucket.last).count();
  bucket.tokens = std::min(kSpamBurst, bucket.tokens + std::max(0.0, elapsed) * kSpamQps);
  bucket.last = now;
  out.skip = bucket.tokens < 1;
  if (!out.skip) bucket.tokens -= 1;
  spam_.Put(object_key, bucket);
  if (out.skip) return out;

  // The aggregator: events differing only in message, grouped by reason.
  std::string message = request.message;
  const std::string aggregate_key = object_key + request.type + request.reason + component_ + host_;
  out.key = object_key + request.type + request.reason + request.message;  // getEventKey
  Aggregate aggregate{{}, now};
  if (Aggregate* found = aggregates_.Get(aggregate_key)) aggregate = *found;
  if (now - aggregate.last > kAggregateInterval) aggregate.messages.clear();
  aggregate.messages.insert(request.message);
  aggregate.last = now;
  if (aggregate.messages.size() >= kAggregateMaxEvents) {
    aggregate.messages.erase(aggregate.messages.begin());  // PopAny: held under the max
    message = "(combined from similar events): " + request.message;
    out.key = aggregate_key;
  }
  aggregates_.Put(aggregate_key, aggregate);

  // The logger: an event seen before is patched, not created again.
  const InvolvedObject& o = request.object;
  out.namespace_name = o.namespace_name.empty() ? "default" : o.namespace_name;
  const std::string timestamp = Rfc3339(now);
  Observation seen;
  if (Observation* found = observations_.Get(out.key)) seen = *found;
  std::int64_t count = 1;
  std::string first = timestamp;
  if (seen.count > 0) {
    count = seen.count + 1;
    first = seen.first_timestamp;
    out.name = seen.name;
    json::Value patch;
    patch.Set("count", json::Value::Number(std::to_string(count)));
    patch.Set("lastTimestamp", json::Value::String(timestamp));
    patch.Set("message", json::Value::String(message));
    out.patch = json::CompactJson(patch);
  } else {
    const auto nanos =
        std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch()).count();
    char hex[24];
    std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(nanos));
    out.name = o.name + "." + hex;
  }
  observations_.Put(out.key, {count, first, out.name, seen.resource_version});

  json::Value involved;
  involved.Set("kind", json::Value::String(o.kind));
  if (!o.namespace_name.empty()) involved.Set("namespace", json::Value::String(o.namespace_name));
  involved.Set("name", json::Value::String(o.name));
  if (!o.uid.empty()) involved.Set("uid", json::Value::String(o.uid));
  involved.Set("apiVersion", json::Value::String("v1"));
  json::Value metadata;
  metadata.Set("name", json::Value::String(out.name));
  metadata.Set("namespace", json::Value::String(out.namespace_name));
  json::Value source;
  source.Set("component", json::Value::String(component_));
  if (!host_.empty()) source.Set("host", json::Value::String(host_));
  json::Value& e = out.event;
  e.Set("apiVersion", json::Value::String("v1"));
  e.Set("kind", json::Value::String("Event"));
  e.Set("metadata", std::move(metadata));
  e.Set("involvedObject", std::move(involved));
  e.Set("reason", json::Value::String(request.reason));
  e.Set("message", json::Value::String(message));
  e.Set("source", std::move(source));
  e.Set("firstTimestamp", json::Value::String(first));
  e.Set("lastTimestamp", json::Value::String(timestamp));
  e.Set("count", json::Value::Number(std::to_string(count)));
  e.Set("type", json::Value::String(request.type));
  e.Set("reportingComponent", json::Value::String(component_));
  e.Set("reportingInstance", json::Value::String(host_));
  return out;
}

void EventCorrelator::Recorded(const std::string& key, const json::Value& server_event) {
  const json::Value& metadata = server_event["metadata"];
  if (!metadata.IsObject()) return;
  Observation seen;
  if (Observation* found = observations_.Get(key)) seen = *found;
  seen.name = std::string(metadata["name"].AsString());
  seen.resource_version = std::string(metadata["resourceVersion"].AsString());
  const std::string count(server_event["count"].AsString());
  if (!count.empty() && count.find_first_not_of("0123456789") == std::string::npos &&
      count.size() < 10) {
    seen.count = std::stoll(count);
  }
  const std::string first(server_event["firstTimestamp"].AsString());
  if (!first.empty()) seen.first_timestamp = first;
  observations_.Put(key, seen);
}

}  // namespace pvcwatch::notify
