#pragma once

#include <string>

#include "watch/decode_error.h"
#include "watch/lister_watcher.h"

namespace pvcwatch::watch {

/// Decodes the body of a list response: a v1 <Kind>List (items get the list's apiVersion
/// and kind back, as kubectl's printers show them) or a meta.k8s.io Table with objects
/// (rows' objects become the items, the cells stay in `table`). Throws DecodeError
/// ("malformed list response: ..." / "malformed table response: ..."). Items come without
/// metadata.managedFields, which kubectl's table, JSON and YAML never print, unless
/// `keep_managed_fields` (its JSONPath, custom columns, --sort-by and watch events see them).
ListPage DecodeListPage(std::string body, bool keep_managed_fields = false);

}  // namespace pvcwatch::watch
