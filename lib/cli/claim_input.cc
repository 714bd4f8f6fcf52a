#include "cli/claim_input.h"

#include <istream>
#include <optional>
#include <stdexcept>
#include <utility>

#include "go/os.h"
#include "json/parse_yaml.h"
#include "json/parser.h"

namespace pvcwatch::cli {
namespace {

// Larger than any sensible export; keeps a wrong file (a disk image) from eating memory.
constexpr size_t kMaxInput = 1u << 30;

std::string ReadAll(const std::string& path, std::istream& in) {
  if (path != "-") {
    std::string error;
    std::optional<std::string> text = go::ReadFile(path, &error, nullptr, kMaxInput);
    if (!text) throw std::runtime_error(error);
    return std::move(*text);
  }
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxInput) throw std::runtime_error("read -: input larger than 1 GiB");
  }
  if (in.bad()) throw std::runtime_error("read -: input/output error");
  return text;
}

void Flatten(json::Value& document, std::vector<json::Value>& out) {
  if (document.IsArray()) {
    for (json::Value& element : document.items()) Flatten(element, out);
    return;
  }
  // A List holds its objects in items; an object whose items is not an array (or null)
  // is no list, and is judged as the object it is.
  const json::Value* items = document.Find("items");
  if (items != nullptr && (items->IsArray() || items->IsNull())) {
    for (auto& [name, value] : document.members()) {
      if (name == "items" && value.IsArray()) {
        for (json::Value& item : value.items()) out.push_back(std::move(item));
      }
    }
    return;
  }
  out.push_back(std::move(document));
}

}  // namespace

std::vector<json::Value> LoadClaimInput(const std::string& path, std::istream& in) {
  return ParseClaimInput(ReadAll(path, in), path == "-" ? "<stdin>" : path);
}

std::vector<json::Value> ParseClaimInput(std::string_view text, const std::string& name) {
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) throw std::runtime_error(name + ": no objects in the input");
  std::vector<json::Value> documents;
  try {
    if (text[first] == '{' || text[first] == '[') {
      documents.push_back(json::Parse(text));
    } else {
      documents = json::ParseYaml(text);
    }
  } catch (const json::ParseError& e) {
    throw std::runtime_error(name + ": " + e.what());
  }
  std::vector<json::Value> objects;
  for (json::Value& document : documents) Flatten(document, objects);
  // Offline input is the user's own file: anything that is not a claim is an error,
  // not something to skip quietly.
  for (size_t i = 0; i < objects.size(); ++i) {
    std::string kind(objects[i]["kind"].AsString());
    if (!objects[i].IsObject() || kind != "PersistentVolumeClaim") {
      throw std::runtime_error(
          name + ": object " + std::to_string(i + 1) + " is " +
          (objects[i].IsObject()
               ? (kind.empty() ? std::string("an object without a kind") : "a " + kind)
               : std::string("not an object")) +
          ", not a PersistentVolumeClaim");
    }
  }
  return objects;
}

}  // namespace pvcwatch::cli
