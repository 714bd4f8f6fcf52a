#pragma once

#include <string>
#include <vector>

#include "json/value.h"

namespace pvcwatch::watch {

/// What the reflector feeds (client-go's cache.Store, with Replace split into pages so
/// a relist never holds the whole cluster's JSON at once).
class Store {
 public:
  virtual ~Store() = default;
  virtual void Add(const json::Value& object) = 0;
  virtual void Update(const json::Value& object) = 0;
  virtual void Delete(const json::Value& object) = 0;
  /// A (re)list begins: pages follow, then EndReplace. A list that restarts (expired
  /// continue token) calls BeginReplace again.
  virtual void BeginReplace() = 0;
  virtual void ReplacePage(const std::vector<json::Value>& objects) = 0;
  /// The list is complete; the store now holds exactly what it listed.
  virtual void EndReplace(const std::string& resource_version) = 0;
};

}  // namespace pvcwatch::watch
