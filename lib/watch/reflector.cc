#include "watch/reflector.h"

#include <algorithm>

#include "rest/errors.h"
#include "rest/retry.h"
#include "rest/status.h"
#include "watch/pager.h"

namespace pvcwatch::watch {
namespace {

// client-go's reflector asks the server to end each watch after a random 5-10 minutes
// (minWatchTimeout * (1 + rand)), which spreads reconnects of many clients.
constexpr int kMinWatchTimeoutSeconds = 300;

bool IsFatal(int code) { return code == 401 || code == 403 || code == 404 || code == 400; }

}  // namespace

Reflector::Reflector(ListerWatcher& lister_watcher, Scope scope, Store& store, clock::Clock& clock,
                     uint32_t seed)
    : lister_watcher_(lister_watcher),
      scope_(std::move(scope)),
      store_(store),
      clock_(clock),
      backoff_(seed),
      random_(seed ^ 0x9e3779b9u) {}

int Reflector::RandomTimeoutSeconds() {
  if (fixed_timeout_seconds_ > 0) return fixed_timeout_seconds_;
  std::uniform_int_distribution<int> spread(0, kMinWatchTimeoutSeconds);
  return kMinWatchTimeoutSeconds + spread(random_);
}

void Reflector::List() {
  if (observer_.on_relist) observer_.on_relist();
  store_.BeginReplace();
  resource_version_ = ListAll(
      lister_watcher_, scope_, page_size_, [&](ListPage& page) { store_.ReplacePage(page.items); },
      [&] { store_.BeginReplace(); });
  store_.EndReplace(resource_version_);
}

Reflector::Outcome Reflector::WatchOnce() {
  auto started = clock_.Now();
  bool delivered = false;
  if (observer_.on_watch) observer_.on_watch(resource_version_);
  auto stream = lister_watcher_.Watch(scope_, resource_version_, RandomTimeoutSeconds());
  while (!clock_.Stopped()) {
    std::optional<Event> event = stream->Next();
    if (!event) {
      // The server's timeout: carry on from here. A watch that ended at once with
      // nothing in it is a misbehaving server, not a timeout (client-go treats it as
      // an error and backs off), or we would spin.
      if (!delivered && clock_.Now() - started < std::chrono::seconds(1)) {
        throw rest::ConnectionError("", "watch ended at once with no events");
      }
      return Outcome::kRewatch;
    }
    delivered = true;
    if (event->type == "ERROR") {
      rest::StatusError status = rest::StatusErrorFromObject(event->object);
      if (status.code() == 410) return Outcome::kRelist;
      throw status;
    }
    std::string resource_version(event->object["metadata"]["resourceVersion"].AsString());
    if (event->type == "ADDED") {
      store_.Add(event->object);
    } else if (event->type == "MODIFIED") {
      store_.Update(event->object);
    } else if (event->type == "DELETED") {
      store_.Delete(event->object);
    } else if (event->type != "BOOKMARK") {
      throw rest::ConnectionError("", "unknown watch event type \"" + event->type + "\"");
    }
    if (!resource_version.empty()) resource_version_ = resource_version;
  }
  return Outcome::kRewatch;
}

void Reflector::Recover(std::exception_ptr error) {
  if (clock_.Stopped()) return;  // the end of the watch cancelled what failed
  try {
    std::rethrow_exception(error);
  } catch (const rest::StatusError& e) {
    if (IsFatal(e.code())) throw;
    if (observer_.on_retry) observer_.on_retry(e.what());
    if (e.code() == 429 && e.retry_after_seconds() > 0) {
      clock_.Sleep(
          std::chrono::seconds(std::min(e.retry_after_seconds(), rest::kMaxRetryAfterSeconds)));
      return;
    }
  } catch (const rest::ConnectionError& e) {
    if (observer_.on_retry) observer_.on_retry(e.what());
  }
  clock_.Sleep(backoff_.Next(clock_.Now()));
}

void Reflector::Run(const std::function<void()>& on_synced) { RunFrom("", on_synced); }

void Reflector::RunFrom(const std::string& resource_version,
                        const std::function<void()>& on_synced) {
  resource_version_ = resource_version;
  bool need_list = resource_version.empty();
  while (!clock_.Stopped()) {
    try {
      if (need_list) {
        List();
        need_list = false;
        if (on_synced) on_synced();
      }
      if (WatchOnce() == Outcome::kRelist) {
        need_list = true;
        // client-go returns from ListAndWatch and waits its backoff before listing again,
        // so a server that answers 410 every time cannot make us relist in a loop.
        clock_.Sleep(backoff_.Next(clock_.Now()));
      }
    } catch (const rest::StatusError& e) {
      // A 410 on the watch request itself (not as an event) also means relist; a 410
      // while listing is a misbehaving server, retried with backoff like a 5xx.
      if (e.code() == 410 && !need_list) {
        need_list = true;
        clock_.Sleep(backoff_.Next(clock_.Now()));
        continue;
      }
      Recover(std::current_exception());
    } catch (const rest::ConnectionError&) {
      Recover(std::current_exception());
    }
  }
}

}  // namespace pvcwatch::watch
