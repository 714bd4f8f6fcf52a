#include "watch/claims_lister_watcher.h"

#include <utility>
#include <vector>

#include "json/parse.h"
#include "rest/errors.h"
#include "rest/query.h"
#include "rest/status.h"

namespace pvcwatch::watch {
namespace {

constexpr const char* kResource = "persistentvolumeclaims";
// A claim is a few KB; a line this long is a hostile or broken server.
constexpr size_t kMaxEventBytes = 16u << 20;

std::string CollectionPath(const Scope& scope) {
  if (scope.namespace_name.empty()) return "/api/v1/persistentvolumeclaims";
  return "/api/v1/namespaces/" + rest::EscapePathSegment(scope.namespace_name) +
         "/persistentvolumeclaims";
}

std::vector<std::pair<std::string, std::string>> SelectorParams(const Scope& scope) {
  std::vector<std::pair<std::string, std::string>> params;
  if (!scope.label_selector.empty()) params.emplace_back("labelSelector", scope.label_selector);
  if (!scope.field_selector.empty()) params.emplace_back("fieldSelector", scope.field_selector);
  return params;
}

class JsonEventStream : public EventStream {
 public:
  JsonEventStream(std::unique_ptr<rest::LineStream> lines, std::string host)
      : lines_(std::move(lines)), host_(std::move(host)) {}

  std::optional<Event> Next() override {
    for (;;) {
      std::optional<std::string> line = lines_->NextLine();
      if (!line) return std::nullopt;
      if (line->find_first_not_of(" \t\r") == std::string::npos) continue;
      json::Value frame;
      try {
        frame = json::Parse(*line);
      } catch (const json::ParseError& e) {
        // A broken frame means the stream can no longer be trusted: end this watch as
        // a broken connection and let the reflector resume from the last good version.
        throw rest::ConnectionError(host_, std::string("malformed watch event: ") + e.what());
      }
      Event event;
      event.type = std::string(frame["type"].AsString());
      if (const json::Value* object = frame.Find("object")) event.object = *object;
      if (event.type.empty() || !event.object.IsObject()) {
        throw rest::ConnectionError(host_, "malformed watch event: no type or object");
      }
      return event;
    }
  }

 private:
  std::unique_ptr<rest::LineStream> lines_;
  std::string host_;
};

}  // namespace

ListPage ClaimsListerWatcher::List(const Scope& scope, int limit,
                                   const std::string& continue_token) {
  auto params = SelectorParams(scope);
  if (limit > 0) params.emplace_back("limit", std::to_string(limit));
  if (!continue_token.empty()) params.emplace_back("continue", continue_token);
  rest::Response response =
      client_.Get(CollectionPath(scope) + rest::EncodeQuery(params), "application/json");
  if (response.status != 200) throw rest::StatusErrorFromResponse(response, "get", kResource);
  json::Value list;
  try {
    list = json::Parse(response.body);
  } catch (const json::ParseError& e) {
    throw rest::ConnectionError(client_.host(), std::string("malformed list response: ") +
                                                    e.what());
  }
  if (!list.IsObject() || (!list["items"].IsArray() && !list["items"].IsNull())) {
    throw rest::ConnectionError(client_.host(), "malformed list response: no items");
  }
  ListPage page;
  page.resource_version = std::string(list["metadata"]["resourceVersion"].AsString());
  page.continue_token = std::string(list["metadata"]["continue"].AsString());
  for (const json::Value& item : list["items"].items()) page.items.push_back(item);
  return page;
}

std::unique_ptr<EventStream> ClaimsListerWatcher::Watch(const Scope& scope,
                                                        const std::string& resource_version,
                                                        int timeout_seconds) {
  auto params = SelectorParams(scope);
  params.emplace_back("watch", "1");
  params.emplace_back("allowWatchBookmarks", "true");
  if (!resource_version.empty()) params.emplace_back("resourceVersion", resource_version);
  params.emplace_back("timeoutSeconds", std::to_string(timeout_seconds));
  rest::Response head;
  // Detect a half-open connection: the server ends the watch after timeout_seconds, so
  // a silence well past that means the peer is gone.
  auto stream = client_.Stream(CollectionPath(scope) + rest::EncodeQuery(params), head,
                               std::chrono::seconds(timeout_seconds + 30), kMaxEventBytes);
  if (!stream) throw rest::StatusErrorFromResponse(head, "watch", kResource);
  return std::make_unique<JsonEventStream>(std::move(stream), client_.host());
}

}  // namespace pvcwatch::watch
