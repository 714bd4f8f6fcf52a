#include "rest/query.h"

namespace pvcwatch::rest {
namespace {

// RFC 3986 unreserved characters pass; everything else is %XX (Go's url.QueryEscape
// writes ' ' as '+', which servers read the same as %20).
std::string Escape(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace

std::string EncodeQuery(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string query;
  for (const auto& [key, value] : params) {
    query += query.empty() ? '?' : '&';
    query += Escape(key) + "=" + Escape(value);
  }
  return query;
}

std::string EscapePathSegment(std::string_view segment) { return Escape(segment); }

}  // namespace pvcwatch::rest
