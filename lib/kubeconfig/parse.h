#pragma once

#include <string>
#include <string_view>

#include "kubeconfig/config.h"

namespace pvcwatch::kubeconfig {

/// Parses the text of one kubeconfig (v1, YAML or JSON) into the model, stamping every
/// cluster, user and context with `location_of_origin`. Relative paths are left as
/// written (the loader resolves them). Empty text gives an empty Config.
/// Throws Error naming the entry and key: YAML syntax, wrong types, duplicate names,
/// bad base64 in *-data. Never includes secret values in the message.
Config Parse(std::string_view text, const std::string& location_of_origin);

/// Decodes standard base64 with padding as Go's encoding/base64 StdEncoding does for
/// []byte fields: '\r' and '\n' are skipped, anything else outside the alphabet fails.
/// Throws Error("illegal base64 data at input byte N").
std::string DecodeBase64(std::string_view text);

}  // namespace pvcwatch::kubeconfig
