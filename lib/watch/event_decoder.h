#pragma once

#include <optional>
#include <string_view>

#include "watch/decode_error.h"
#include "watch/lister_watcher.h"

namespace pvcwatch::watch {

/// Decodes one line of a watch response, a metav1.WatchEvent such as
/// {"type":"ADDED","object":{...}}. Returns nullopt for a blank line. Throws DecodeError
/// ("malformed watch event: ...") for anything without a type and an object. The object
/// comes without metadata.managedFields unless `keep_managed_fields` (see DecodeListPage).
std::optional<Event> DecodeEvent(std::string_view line, bool keep_managed_fields = false);

}  // namespace pvcwatch::watch
