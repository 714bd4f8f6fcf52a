#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "notify/event_correlator.h"
#include "notify/work_queue.h"
#include "rest/rest_client.h"

namespace pvcwatch::notify {

/// --record-events: crossings recorded as core/v1 Events through `client`, correlated as
/// client-go's recorder does (EventCorrelator), from a thread of their own with a bounded
/// queue (1000, as client-go's broadcaster; a full queue drops the event), so the watch
/// never waits. A write that gets no answer or a 5xx/429 is tried again, 12 times 10 s
/// apart (client-go's recordToSink); other refusals (Forbidden) are said once each.
class EventRecorder {
 public:
  using Reporter = std::function<void(const std::string&)>;

  /// `host` becomes source.host and reportingInstance (the pod's name in a cluster).
  EventRecorder(rest::RestClient& client, std::string host, Reporter report);
  ~EventRecorder();
  EventRecorder(const EventRecorder&) = delete;
  EventRecorder& operator=(const EventRecorder&) = delete;

  void Record(EventRequest request);

  /// What is queued may still be written until `grace` is over; then the write under way
  /// is cancelled (`client` is the recorder's own) and the rest dropped.
  void Stop(std::chrono::milliseconds grace);

  std::uint64_t recorded() const { return recorded_; }
  std::uint64_t failed() const { return failed_; }  // dropped: refused, queue full, spam

 private:
  void Write(const EventRequest& request);

  rest::RestClient& client_;
  Reporter report_;
  EventCorrelator correlator_;
  std::atomic<std::uint64_t> recorded_{0}, failed_{0};
  WorkQueue<EventRequest> queue_;  // last: its thread ends before the rest goes
};

}  // namespace pvcwatch::notify
