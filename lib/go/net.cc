#include "go/net.h"

namespace pvcwatch::go {

bool SplitHostPort(const std::string& text, std::string& host, std::string& port) {
  size_t colon = text.rfind(':');
  if (colon == std::string::npos) return false;
  if (!text.empty() && text[0] == '[') {
    size_t close = text.find(']');
    if (close == std::string::npos || close + 1 != colon) return false;
    host = text.substr(1, close - 1);
  } else {
    host = text.substr(0, colon);
    if (host.find(':') != std::string::npos) return false;
  }
  port = text.substr(colon + 1);
  return host.find_first_of("[]") == std::string::npos &&
         port.find_first_of("[]") == std::string::npos;
}

std::string JoinHostPort(const std::string& host, const std::string& port) {
  if (host.find(':') != std::string::npos) return "[" + host + "]:" + port;
  return host + ":" + port;
}

}  // namespace pvcwatch::go
