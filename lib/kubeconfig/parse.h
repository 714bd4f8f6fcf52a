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

}  // namespace pvcwatch::kubeconfig
