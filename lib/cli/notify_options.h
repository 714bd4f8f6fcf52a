#pragma once

#include "cli/options.h"

namespace pvcwatch::cli {

/// --webhook, --webhook-format, --webhook-ca, --webhook-timeout and --cooldown, checked
/// together with --record-events (after the limits are parsed) (a URL is checked without being
/// quoted: it may hold a secret). Throws UsageError.
NotifyOptions ParseNotifyOptions(const Options& options);

}  // namespace pvcwatch::cli
