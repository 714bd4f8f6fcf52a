#include "watch/list_decoder.h"

#include <string>
#include <utility>

#include "json/parser.h"

namespace pvcwatch::watch {
namespace {

// The array member `key` for moving elements out of it; empty when absent.
json::Value::Array TakeArray(json::Value& object, std::string_view key) {
  for (auto& [name, value] : object.members()) {
    if (name == key && value.IsArray()) return std::move(value.items());
  }
  return {};
}

}  // namespace

ListPage DecodeListPage(std::string body, bool keep_managed_fields) {
  json::Value list;
  try {
    list = json::ParseInPlace(body, {.skip_managed_fields = !keep_managed_fields});
    body = std::string();  // the page's text is no longer needed while it is worked on
  } catch (const json::ParseError& e) {
    throw DecodeError(std::string("malformed list response: ") + e.what());
  }
  ListPage page;
  page.resource_version = std::string(list["metadata"]["resourceVersion"].AsString());
  page.continue_token = std::string(list["metadata"]["continue"].AsString());
  if (list["kind"].AsString() == "Table") {
    // Move each row's object out into items; the table keeps the cells.
    json::Value::Array rows = TakeArray(list, "rows");
    for (json::Value& row : rows) {
      json::Value* object = nullptr;
      if (row.IsObject()) {
        for (auto& [name, value] : row.members()) {
          if (name == "object") object = &value;
        }
      }
      if (object == nullptr || !object->IsObject()) {
        throw DecodeError("malformed table response: a row without its object");
      }
      page.items.push_back(std::move(*object));
      *object = json::Value();
    }
    list.Set("rows", json::Value::MakeArray(std::move(rows)));
    page.table = std::move(list);
    return page;
  }
  if (!list.IsObject() || (!list["items"].IsArray() && !list["items"].IsNull())) {
    throw DecodeError("malformed list response: no items");
  }
  page.items = TakeArray(list, "items");
  // List responses leave apiVersion and kind off their items; kubectl puts them back
  // (from the list's own), and so do we, so -o json|yaml prints what kubectl prints.
  std::string kind(list["kind"].AsString());
  if (kind.size() > 4 && kind.compare(kind.size() - 4, 4, "List") == 0) {
    kind.resize(kind.size() - 4);
    json::Value api_version = list["apiVersion"];
    for (json::Value& item : page.items) {
      if (!item.IsObject() || item.Find("kind") != nullptr) continue;
      json::Value::Object members;
      members.emplace_back("apiVersion", api_version);
      members.emplace_back("kind", json::Value::String(kind));
      for (auto& member : item.members()) members.push_back(std::move(member));
      item = json::Value::MakeObject(std::move(members));
    }
  }
  return page;
}

}  // namespace pvcwatch::watch
