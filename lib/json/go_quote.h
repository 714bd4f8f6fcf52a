#pragma once

#include <string>
#include <string_view>

namespace pvcwatch::json {

/// `text` as Go's strconv.Quote (and %q) writes it: double-quoted, \" and \\, \n and the
/// other short escapes, \xNN for other control bytes and invalid UTF-8, \uNNNN for runes
/// that are not printable (unicode.IsPrint); so a quoted value always stays on one line.
std::string GoQuote(std::string_view text);

}  // namespace pvcwatch::json
