#pragma once

#include <string>

#include "rest/errors.h"
#include "rest/rest_client.h"

namespace pvcwatch::rest {

/// The error a failed response stands for: the `Status` the server sent, or, for a body
/// that is not a Status (an HTML page from a proxy), client-go's generic error for the
/// HTTP code. `verb` and `resource` complete client-go's "(get persistentvolumeclaims)".
StatusError StatusErrorFromResponse(const Response& response, const std::string& verb,
                                    const std::string& resource);

}  // namespace pvcwatch::rest
