#include "watch/rest_lister_watcher.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "rest/errors.h"
#include "rest/query.h"
#include "rest/status.h"
#include "watch/event_decoder.h"
#include "watch/list_decoder.h"

namespace pvcwatch::watch {
namespace {

constexpr const char* kTableAccept =
    "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;"
    "g=meta.k8s.io,application/json";
// A claim is a few KB, but the cap must pass any object the server can store: a line
// refused here comes back on every resumed watch, so the watch could never move on. etcd
// stores at most 1.5 MiB per object, and the apiserver's JSON can be several times that
// (Go escapes <, > and & as \u003c...; labels are echoed in managedFields). 16 MiB keeps
// that margin and still bounds what a hostile server can make us hold.
constexpr size_t kMaxEventBytes = 16u << 20;
// The watch cache sends a BOOKMARK to each idle watch with allowWatchBookmarks about every
// minute (k8s.io/apiserver cacher bookmarkFrequency; seen every 60 s on the test bed):
// twice that without a byte is a stalled or half-open connection.
constexpr int kMaxSilenceSeconds = 120;

// client-go's protobuf content type (rest.Config ContentType), with JSON as the fallback.
constexpr const char* kProtobufAccept = "application/vnd.kubernetes.protobuf,application/json";
constexpr std::string_view kProtobufType = "application/vnd.kubernetes.protobuf";

// A page's body decoded; a body that is not what the API promises is a broken answer.
template <typename Decoder>
ListPage Decode(const Decoder& decode, std::string& body, const std::string& host) {
  try {
    return decode(body);
  } catch (const DecodeError& e) {
    throw rest::ConnectionError(host, e.what());
  }
}

std::vector<std::pair<std::string, std::string>> SelectorParams(const Scope& scope) {
  std::vector<std::pair<std::string, std::string>> params;
  if (!scope.label_selector.empty()) params.emplace_back("labelSelector", scope.label_selector);
  if (!scope.field_selector.empty()) params.emplace_back("fieldSelector", scope.field_selector);
  return params;
}

class JsonEventStream : public EventStream {
 public:
  JsonEventStream(std::unique_ptr<rest::LineStream> lines, std::string host,
                  bool keep_managed_fields)
      : lines_(std::move(lines)),
        host_(std::move(host)),
        keep_managed_fields_(keep_managed_fields) {}

  std::optional<Event> Next() override {
    for (;;) {
      std::optional<std::string> line = lines_->NextLine();
      if (!line) return std::nullopt;
      try {
        if (std::optional<Event> event = DecodeEvent(*line, keep_managed_fields_)) return event;
      } catch (const DecodeError& e) {
        // A broken frame means the stream can no longer be trusted: end this watch as
        // a broken connection and let the reflector resume from the last good version.
        throw rest::ConnectionError(host_, e.what());
      }
    }
  }

 private:
  std::unique_ptr<rest::LineStream> lines_;
  std::string host_;
  bool keep_managed_fields_;
};

}  // namespace

std::string RestListerWatcher::CollectionPath(const Scope& scope) const {
  if (scope.namespace_name.empty()) return "/api/v1/" + resource_;
  return "/api/v1/namespaces/" + rest::EscapePathSegment(scope.namespace_name) + "/" + resource_;
}

ListPage RestListerWatcher::List(const Scope& scope, int limit, const std::string& continue_token) {
  auto params = SelectorParams(scope);
  if (limit > 0) params.emplace_back("limit", std::to_string(limit));
  if (!continue_token.empty()) params.emplace_back("continue", continue_token);
  if (as_table_) params.emplace_back("includeObject", "Object");
  const std::string path = CollectionPath(scope) + rest::EncodeQuery(params);
  const bool protobuf = local_accepted_ && local_.decode_protobuf;
  rest::Response response = client_.Get(path, as_table_  ? kTableAccept
                                              : protobuf ? kProtobufAccept
                                                         : "application/json");
  if (protobuf && response.content_type.rfind(kProtobufType, 0) == 0) {
    if (response.status == 200) {
      return Decode(local_.decode_protobuf, response.body, client_.host());
    }
    // An error comes as a protobuf Status too: asked again as JSON, it has kubectl's words.
    response = client_.Get(path, "application/json");
  }
  if (response.status != 200) throw rest::StatusErrorFromResponse(response, "get", resource_);
  ListPage page = Decode(
      [this](std::string& body) { return DecodeListPage(std::move(body), keep_managed_fields_); },
      response.body, client_.host());
  if (as_table_ && local_.accepts && !page.table.IsNull() && local_.accepts(page.table)) {
    as_table_ = false;
    local_accepted_ = true;
  }
  return page;
}

std::optional<std::string> RestListerWatcher::ListStreamed(
    const Scope& scope, const BodyDecoder& decode, const std::function<void(ListPage&)>& on_page) {
  const std::string path = CollectionPath(scope) + rest::EncodeQuery(SelectorParams(scope));
  rest::Response head;
  std::unique_ptr<rest::BodyStream> body =
      client_.Open(path, kProtobufAccept, head, std::chrono::seconds(60));
  const bool protobuf = head.content_type.rfind(kProtobufType, 0) == 0;
  if (!body) {
    // An error comes as a protobuf Status too: asked again as JSON, it has kubectl's words.
    if (protobuf) head = client_.Get(path, "application/json");
    if (head.status != 200) throw rest::StatusErrorFromResponse(head, "get", resource_);
    return std::nullopt;
  }
  if (!protobuf) return std::nullopt;
  try {
    return decode(*body, on_page);
  } catch (const DecodeError& e) {
    throw rest::ConnectionError(client_.host(), e.what());
  }
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
  // Detect a half-open or stalled connection: the server ends the watch after
  // timeout_seconds, and sends a bookmark on an idle watch about once a minute before
  // that, so a longer silence means the peer is gone.
  const int silence = std::min(timeout_seconds + 30, kMaxSilenceSeconds);
  auto stream = client_.Stream(CollectionPath(scope) + rest::EncodeQuery(params), head,
                               std::chrono::seconds(silence), kMaxEventBytes);
  if (!stream) throw rest::StatusErrorFromResponse(head, "watch", resource_);
  return std::make_unique<JsonEventStream>(std::move(stream), client_.host(), keep_managed_fields_);
}

}  // namespace pvcwatch::watch
