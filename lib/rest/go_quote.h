#pragma once

#include <string>
#include <string_view>

namespace pvcwatch::rest {

/// `text` as Go's %q writes it: double-quoted, with \", \\, \n and the other escapes, so
/// an error quoting a server's answer or a user's value stays on one line.
std::string GoQuote(std::string_view text);

}  // namespace pvcwatch::rest
