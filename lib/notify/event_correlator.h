#pragma once

#include <chrono>
#include <cstdint>
#include <list>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "json/value.h"

namespace pvcwatch::notify {

/// The object an Event is about (core/v1 ObjectReference, the fields we fill).
struct InvolvedObject {
  std::string kind;  // ResourceQuota or Namespace
  std::string namespace_name;
  std::string name;
  std::string uid;
};

/// What is to be recorded: one crossing, before correlation.
struct EventRequest {
  InvolvedObject object;
  std::string type;  // Normal or Warning
  std::string reason;
  std::string message;
};

/// What the correlator says to do with it.
struct CorrelatedEvent {
  bool skip = false;  // the spam filter's: not recorded at all
  std::string key;    // what the server's answer is remembered under (Recorded)
  std::string namespace_name;
  std::string name;   // the Event's name
  json::Value event;  // the Event to create
  std::string patch;  // when not empty: PATCH the existing Event `name` with it
};

/// client-go's EventCorrelator (tools/record/events_cache.go), as NewEventCorrelator sets
/// it up: a source may burst 25 events about an object, refilled at 1 every 5 minutes
/// (EventSourceObjectSpamFilter); more than 10 events differing only in message within
/// 10 minutes become one "(combined from similar events): ..." event (EventAggregator);
/// an event seen before is not created again but its count and lastTimestamp patched
/// (eventLogger). Each cache holds 4096 entries, least recently used dropped.
class EventCorrelator {
 public:
  using Time = std::chrono::system_clock::time_point;

  /// `component` and `host` are the events' source (and reportingComponent/Instance).
  EventCorrelator(std::string component, std::string host);

  CorrelatedEvent Correlate(const EventRequest& request, Time now);

  /// The server's answer for an event created or patched (its name, count, first time and
  /// resourceVersion), as client-go's updateState keeps it.
  void Recorded(const std::string& key, const json::Value& server_event);

 private:
  template <typename Value>
  class Lru {
   public:
    Value* Get(const std::string& key);
    void Put(const std::string& key, Value value);

   private:
    std::list<std::pair<std::string, Value>> entries_;  // most recent first
    std::unordered_map<std::string, typename decltype(entries_)::iterator> index_;
  };
  struct Bucket {
    double tokens;
    Time last;
  };
  struct Aggregate {
    std::set<std::string> messages;
    Time last;
  };
  struct Observation {
    std::int64_t count = 0;
    std::string first_timestamp;
    std::string name;
    std::string resource_version;
  };

  std::string component_, host_;
  Lru<Bucket> spam_;
  Lru<Aggregate> aggregates_;
  Lru<Observation> observations_;
};

/// RFC 3339 in whole seconds, UTC, as metav1.Time marshals: "2026-12-03T16:20:00Z".
std::string Rfc3339(EventCorrelator::Time time);

}  // namespace pvcwatch::notify
