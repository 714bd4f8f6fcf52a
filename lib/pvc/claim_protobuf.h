#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "rest/rest_client.h"
#include "watch/decode_error.h"
#include "watch/lister_watcher.h"

namespace pvcwatch::pvc {

/// Decodes a PersistentVolumeClaimList sent as application/vnd.kubernetes.protobuf (the
/// "k8s\0" magic, then a runtime.Unknown holding the list) into a ListPage whose items are
/// JSON-shaped, as the JSON list would give them, but hold only what the claim table, the
/// ledger and the budgets read (metadata name, namespace, uid, timestamps, labels and the beta
/// storage-class annotation; spec access modes, storage request, volume, class, mode and attributes
/// class; status phase, access modes, capacity, allocated storage and attributes classes).
/// Everything else, managedFields and the last-applied annotation first, is skipped unread. Field
/// numbers: k8s.io/api core/v1 and k8s.io/apimachinery meta/v1 generated.proto at v0.37. Throws
/// watch::DecodeError ("malformed protobuf list response: ...").
watch::ListPage DecodeClaimListProtobuf(std::string_view body);

/// The same list read from `body` as it arrives, one item at a time, handed to `on_page`
/// in pages of `page_size` items (the last one possibly empty), so what is held is a page
/// and the field being read, never the list. Returns the list's resourceVersion. Throws
/// watch::DecodeError, and what `body` throws.
std::string StreamClaimListProtobuf(rest::BodyStream& body, size_t page_size,
                                    const std::function<void(watch::ListPage&)>& on_page);

}  // namespace pvcwatch::pvc
