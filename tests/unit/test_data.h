#pragma once

// The committed test data under tests/data (vectors the Go oracles wrote), read by path.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "json/parser.h"
#include "json/value.h"

namespace pvcwatch::testing {

/// The bytes of tests/data/`relative`.
inline std::string ReadTestData(const std::filesystem::path& relative) {
  std::ifstream in(std::filesystem::path(PVCWATCH_TEST_DATA_DIR) / "data" / relative,
                   std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// tests/data/`relative` parsed as the plugin parses JSON.
inline json::Value ParseTestData(const std::filesystem::path& relative) {
  return json::Parse(ReadTestData(relative));
}

}  // namespace pvcwatch::testing
