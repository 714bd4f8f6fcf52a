#include "watch/event_decoder.h"

#include <string>

#include "json/parser.h"

namespace pvcwatch::watch {

std::optional<Event> DecodeEvent(std::string_view line, bool keep_managed_fields) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return std::nullopt;
  json::Value frame;
  try {
    frame = json::Parse(line, {.skip_managed_fields = !keep_managed_fields});
  } catch (const json::ParseError& e) {
    throw DecodeError(std::string("malformed watch event: ") + e.what());
  }
  Event event;
  event.type = std::string(frame["type"].AsString());
  if (frame.IsObject()) {
    for (auto& [name, value] : frame.members()) {
      if (name == "object") event.object = std::move(value);
    }
  }
  if (event.type.empty() || !event.object.IsObject()) {
    throw DecodeError("malformed watch event: no type or object");
  }
  return event;
}

}  // namespace pvcwatch::watch
