#pragma once

// Golden files for the printer suites (lib/print, lib/json): inputs and the outputs Go printed for
// them, written by tests/oracle/printers/regenerate.sh.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace pvcwatch::testing {

inline std::filesystem::path GoldenDir(const std::string& name) {
  return std::filesystem::path(PVCWATCH_TEST_DATA_DIR) / "data" / "printers" / name;
}

/// The stems of the files in `dir` ending in `extension`, sorted.
inline std::vector<std::string> GoldenCases(const std::string& dir, const std::string& extension) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(GoldenDir(dir), ec)) {
    const std::string file = entry.path().filename().string();
    if (file.size() > extension.size() &&
        file.compare(file.size() - extension.size(), extension.size(), extension) == 0) {
      names.push_back(file.substr(0, file.size() - extension.size()));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

/// The bytes of a file, or nullopt-like empty string plus false when it is missing.
inline bool ReadGolden(const std::filesystem::path& path, std::string& contents) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  contents = buffer.str();
  return true;
}

}  // namespace pvcwatch::testing
