#pragma once

#include <string>

#include "json/value.h"
#include "rest/errors.h"
#include "rest/rest_client.h"

namespace pvcwatch::rest {

/// The error a failed response stands for: the `Status` the server sent, or, for a body
/// that is not a Status (an HTML page from a proxy), client-go's generic error for the
/// HTTP code. `verb` and `resource` complete client-go's "(get persistentvolumeclaims)".
StatusError StatusErrorFromResponse(const Response& response, const std::string& verb,
                                    const std::string& resource);

/// The error a watch ERROR event's Status object stands for.
StatusError StatusErrorFromObject(const json::Value& status);

}  // namespace pvcwatch::rest
