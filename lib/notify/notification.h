#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "json/value.h"

namespace pvcwatch::notify {

/// One crossing of one limit, as every notification sink takes it.
struct Notification {
  /// Which limit crossed: "" for the fixed --max-claims, else namespace/quota/resource.
  std::string budget;
  std::string state;                       // the state entered: overage, warning or normal
  json::Value document;                    // the event as `-o json` prints it
  std::string text;                        // the crossing in words, unescaped
  std::map<std::string, std::string> env;  // what --exec is given
  /// Held back by --cooldown and sent when it ended; `suppressed` crossings of the same
  /// limit came between it and the one sent before, and were not sent.
  bool held = false;
  std::uint64_t suppressed = 0;
};

}  // namespace pvcwatch::notify
