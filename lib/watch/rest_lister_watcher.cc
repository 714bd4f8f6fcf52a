#include "watch/rest_lister_watcher.h"

#include <utility>
#include <vector>

#include "json/parser.h"
#include "rest/errors.h"
#include "rest/query.h"
#include "rest/status.h"

namespace pvcwatch::watch {
namespace {

constexpr const char* kTableAccept =
    "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;"
    "g=meta.k8s.io,application/json";
// A claim is a few KB; a line this long is a hostile or broken server.
constexpr size_t kMaxEventBytes = 16u << 20;

std::vector<std::pair<std::string, std::string>> SelectorParams(const Scope& scope) {
  std::vector<std::pair<std::string, std::string>> params;
  if (!scope.label_selector.empty()) params.emplace_back("labelSelector", scope.label_selector);
  if (!scope.field_selector.empty()) params.emplace_back("fieldSelector", scope.field_selector);
  return params;
}

// The array member `key` for moving elements out of it; empty when absent.
json::Value::Array TakeArray(json::Value& object, std::string_view key) {
  for (auto& [name, value] : object.members()) {
    if (name == key && value.IsArray()) return std::move(value.items());
  }
  return {};
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

std::string RestListerWatcher::CollectionPath(const Scope& scope) const {
  if (scope.namespace_name.empty()) return "/api/v1/" + resource_;
  return "/api/v1/namespaces/" + rest::EscapePathSegment(scope.namespace_name) + "/" + resource_;
}

ListPage RestListerWatcher::List(const Scope& scope, int limit,
                                   const std::string& continue_token) {
  auto params = SelectorParams(scope);
  if (limit > 0) params.emplace_back("limit", std::to_string(limit));
  if (!continue_token.empty()) params.emplace_back("continue", continue_token);
  if (as_table_) params.emplace_back("includeObject", "Object");
  rest::Response response = client_.Get(CollectionPath(scope) + rest::EncodeQuery(params),
                                        as_table_ ? kTableAccept : "application/json");
  if (response.status != 200) throw rest::StatusErrorFromResponse(response, "get", resource_);
  json::Value list;
  try {
    list = json::Parse(response.body);
  } catch (const json::ParseError& e) {
    throw rest::ConnectionError(client_.host(), std::string("malformed list response: ") +
                                                    e.what());
  }
  ListPage page;
  page.resource_version = std::string(list["metadata"]["resourceVersion"].AsString());
  page.continue_token = std::string(list["metadata"]["continue"].AsString());
  if (list["kind"].AsString() == "Table") {
    // Move each row's object out into items; the table keeps the cells.
    json::Value::Array rows = TakeArray(list, "rows");
    for (json::Value& row : rows) {
      json::Value* object = nullptr;
      for (auto& [name, value] : row.members()) {
        if (name == "object") object = &value;
      }
      if (object == nullptr || !object->IsObject()) {
        throw rest::ConnectionError(client_.host(),
                                    "malformed table response: a row without its object");
      }
      page.items.push_back(std::move(*object));
      *object = json::Value();
    }
    list.Set("rows", json::Value::MakeArray(std::move(rows)));
    page.table = std::move(list);
    return page;
  }
  if (!list.IsObject() || (!list["items"].IsArray() && !list["items"].IsNull())) {
    throw rest::ConnectionError(client_.host(), "malformed list response: no items");
  }
  page.items = TakeArray(list, "items");
  // List responses leave apiVersion and kind off their items; kubectl puts them back
  // (from the list's own), and so do we, so -o json|yaml prints what kubectl prints.
  std::string kind(list["kind"].AsString());
  if (kind.size() > 4 && kind.compare(kind.size() - 4, 4, "List") == 0) {
    kind.resize(kind.size() - 4);
    json::Value api_version = list["apiVersion"];
    for (json::Value& item : page.items) {
      if (!item.IsObject() || item.Find("kind") != nullptr) continue;
      json::Value::Object members;
      members.emplace_back("apiVersion", api_version);
      members.emplace_back("kind", json::Value::String(kind));
      for (auto& member : item.members()) members.push_back(std::move(member));
      item = json::Value::MakeObject(std::move(members));
    }
  }
  return page;
}

std::unique_ptr<EventStream> RestListerWatcher::Watch(const Scope& scope,
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
  if (!stream) throw rest::StatusErrorFromResponse(head, "watch", resource_);
  return std::make_unique<JsonEventStream>(std::move(stream), client_.host());
}

}  // namespace pvcwatch::watch
