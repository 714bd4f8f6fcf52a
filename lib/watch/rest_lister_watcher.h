#pragma once

#include <memory>
#include <string>

#include "rest/rest_client.h"
#include "watch/lister_watcher.h"

namespace pvcwatch::watch {

/// Lists and watches one core/v1 resource through a RestClient
/// (/api/v1/[namespaces/{ns}/]<resource>), e.g. persistentvolumeclaims, resourcequotas.
class RestListerWatcher : public ListerWatcher {
 public:
  RestListerWatcher(rest::RestClient& client, std::string resource)
      : client_(client), resource_(std::move(resource)) {}
  ListPage List(const Scope& scope, int limit, const std::string& continue_token) override;
  std::unique_ptr<EventStream> Watch(const Scope& scope, const std::string& resource_version,
                                     int timeout_seconds) override;
  void Cancel() override { client_.Cancel(); }

  /// Ask for server-rendered Tables (with the objects) as kubectl get does, so the
  /// columns are the server's own. Servers that cannot serve them send plain lists.
  void set_as_table(bool as_table) { as_table_ = as_table; }
  /// Keep metadata.managedFields in what is decoded (see DecodeListPage).
  void set_keep_managed_fields(bool keep) { keep_managed_fields_ = keep; }

 private:
  std::string CollectionPath(const Scope& scope) const;

  rest::RestClient& client_;
  std::string resource_;
  bool as_table_ = false;
  bool keep_managed_fields_ = false;
};

}  // namespace pvcwatch::watch
