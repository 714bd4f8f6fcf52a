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
    : client_(client), report_(std::move(report)), correlator_("pvcwatch", std::move(host)) {
  thread_ = std::thread([this] { Run(); });
}

EventRecorder::~EventRecorder() { Stop(std::chrono::milliseconds(0)); }

void EventRecorder::Record(EventRequest request) {
  bool dropped = false;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    if (queue_.size() >= kQueue) {
      dropped = true;
      ++failed_;
    } else {
      queue_.push_back(std::move(request));
    }
  }
  wake_.notify_all();
  if (dropped)
    report_("--record-events: " + std::to_string(kQueue) + " events waiting; one dropped");
}

void EventRecorder::Stop(std::chrono::milliseconds grace) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      stopping_ = true;
      deadline_ = std::chrono::steady_clock::now() + grace;
    }
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool EventRecorder::Wait(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  return !wake_.wait_for(lock, wait, [&] { return stopping_; });
}

void EventRecorder::Run() {
  for (;;) {
    EventRequest request;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      if (stopping_ && std::chrono::steady_clock::now() >= deadline_) {
        failed_ += queue_.size();
        queue_.clear();
        return;
      }
      request = std::move(queue_.front());
      queue_.pop_front();
    }
    Write(request);
  }
}

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
    if (!Wait(kSleep)) {
      ++failed_;
      return;
    }
  }
}

}  // namespace pvcwatch::notify
