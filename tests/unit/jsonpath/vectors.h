#pragma once

// The JSONPath vectors of tests/data/jsonpath (written by tests/oracle/jsonpath/regenerate.sh
// from client-go's util/jsonpath, cli-runtime's printer and kubectl): loaded once.

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "../test_data.h"
#include "json/parser.h"
#include "json/value.h"

namespace pvcwatch::testing {

inline std::string ReadJsonPathData(const std::filesystem::path& relative) {
  return ReadTestData(std::filesystem::path("jsonpath") / relative);
}

/// vectors.json: {"engine": [...], "printer": [...], "relaxed": [...]}.
inline const json::Value& JsonPathVectors() {
  static const json::Value vectors = json::Parse(ReadJsonPathData("vectors.json"));
  return vectors;
}

/// The document a vector names (documents/NAME.json), parsed as the plugin parses input.
inline const json::Value& JsonPathDocument(const std::string& name) {
  static std::map<std::string, json::Value> documents;
  auto it = documents.find(name);
  if (it == documents.end()) {
    const std::string text = ReadJsonPathData("documents/" + name + ".json");
    it = documents.emplace(name, json::Parse(text)).first;
  }
  return it->second;
}

/// The number of vectors in one section of vectors.json.
inline std::size_t JsonPathVectorCount(const char* section) {
  return JsonPathVectors()[section].items().size();
}

}  // namespace pvcwatch::testing
