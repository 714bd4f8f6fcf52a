#pragma once

#include <memory>

#include "rest/rest_client.h"
#include "watch/lister_watcher.h"

namespace pvcwatch::watch {

/// Lists and watches PersistentVolumeClaims through a RestClient
/// (/api/v1/[namespaces/{ns}/]persistentvolumeclaims).
class ClaimsListerWatcher : public ListerWatcher {
 public:
  explicit ClaimsListerWatcher(rest::RestClient& client) : client_(client) {}
  ListPage List(const Scope& scope, int limit, const std::string& continue_token) override;
  std::unique_ptr<EventStream> Watch(const Scope& scope, const std::string& resource_version,
                                     int timeout_seconds) override;

 private:
  rest::RestClient& client_;
};

}  // namespace pvcwatch::watch
