#pragma once

#include <string>

namespace pvcwatch::cli {

/// The --help text, in kubectl's layout, with every flag of the table (flags.h).
std::string HelpText();

}  // namespace pvcwatch::cli
