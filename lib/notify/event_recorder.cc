#include "notify/event_recorder.h"

#include <utility>

#include "json/encode.h"
#include "json/parser.h"
#include "rest/errors.h"
#include "rest/status.h"

namespace pvcwatch::notify {
namespace {

constexpr std::size_t kQueue = 1000;        // client-go's maxQueuedEvents
constexpr int kTries = 12;                  // maxTriesPerEvent
constexpr std::chrono::seconds kSleep{10};  // defaultSleepDuration

bool Retryable(int status) { return status == 429 || status >= 500; }

}  // namespace

EventRecorder::EventRecorder(rest::RestClient& client, std::string host, Reporter report)
    : client_(client),
      report_(std::move(report)),
      correlator_("pvcwatch", std::move(host)),
      queue_(kQueue, WorkQueue<EventRequest>::WhenFull::kDropNew) {
  queue_.Start({[this](EventRequest& request) { Write(request); }, [this] { client_.Cancel(); },
                [this](std::size_t left) { failed_ += left; }});
}

EventRecorder::~EventRecorder() { Stop(std::chrono::milliseconds(0)); }

void EventRecorder::Record(EventRequest request) {
  if (queue_.Push(std::move(request))) {
    ++failed_;
    report_("--record-events: " + std::to_string(kQueue) + " events waiting; one dropped");
  }
}

void EventRecorder::Stop(std::chrono::milliseconds grace) { queue_.Stop(grace); }

void EventRecorder::Write(const EventRequest& request) {
  CorrelatedEvent event = correlator_.Correlate(request, std::chrono::system_clock::now());
  if (event.skip) {
    ++failed_;
    return;
  }
  const std::string events = "/api/v1/namespaces/" + event.namespace_name + "/events";
  for (int attempt = 1;; ++attempt) {
    std::string failure;
    bool retry = true;
    try {
      rest::Response response;
      if (!event.patch.empty()) {
        response = client_.Send("PATCH", events + "/" + event.name,
                                "application/strategic-merge-patch+json", event.patch);
        if (response.status == 404) event.patch.clear();  // gone (an hour's TTL): create it
      }
      if (event.patch.empty()) {
        response = client_.Send("POST", events, "application/json", json::CompactJson(event.event));
      }
      if (response.status >= 200 && response.status < 300) {
        ++recorded_;
        try {
          correlator_.Recorded(event.key, json::Parse(response.body));
        } catch (const std::exception&) {
          // What was written stands; the next one is created anew.
        }
        return;
      }
      retry = Retryable(response.status);
      failure =
          rest::StatusErrorFromResponse(response, event.patch.empty() ? "post" : "patch", "events")
              .what();
      if (response.status == 409) return;  // already exists: client-go stops there too
    } catch (const rest::ConnectionError& e) {
      failure = e.what();
    }
    if (!retry || attempt >= kTries) {
      ++failed_;
      report_("--record-events: the " + request.reason + " event was not recorded: " + failure);
      return;
    }
    if (!queue_.Wait(kSleep)) {
      ++failed_;
      return;
    }
  }
}

}  // namespace pvcwatch::notify
