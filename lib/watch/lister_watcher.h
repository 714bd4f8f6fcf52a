#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "json/value.h"

namespace pvcwatch::watch {

/// Which claims: one namespace ("" = all) and the selectors passed to the server.
struct Scope {
  std::string namespace_name;
  std::string label_selector;
  std::string field_selector;
};

/// One page of a list: the items, the list's resourceVersion, and the continue token
/// ("" on the last page).
struct ListPage {
  std::vector<json::Value> items;
  std::string resource_version;
  std::string continue_token;
  /// When the server rendered a meta.k8s.io/v1 Table: its columnDefinitions and rows
  /// (cells only; each row's object is the matching entry of `items`). Null otherwise.
  json::Value table;
};

/// One watch event: ADDED, MODIFIED, DELETED, BOOKMARK or ERROR, with its object.
struct Event {
  std::string type;
  json::Value object;
};

/// A live watch; Next() blocks until an event arrives.
class EventStream {
 public:
  virtual ~EventStream() = default;
  /// The next event, or nullopt when the server ended the watch cleanly.
  virtual std::optional<Event> Next() = 0;
};

/// The seam between the reflector and the API (client-go's cache.ListerWatcher).
/// Failures are rest::StatusError or rest::ConnectionError.
class ListerWatcher {
 public:
  virtual ~ListerWatcher() = default;
  /// One page of at most `limit` items, continuing from `continue_token` if set.
  virtual ListPage List(const Scope& scope, int limit, const std::string& continue_token) = 0;
  /// A watch from `resource_version` with bookmarks, ended by the server after
  /// `timeout_seconds`.
  virtual std::unique_ptr<EventStream> Watch(const Scope& scope,
                                             const std::string& resource_version,
                                             int timeout_seconds) = 0;
  /// Ends, from another thread, the blocking reads of the lists and watches under way
  /// (they end or fail at once); for shutdown, once the reflector's clock is stopped.
  virtual void Cancel() {}
};

}  // namespace pvcwatch::watch
