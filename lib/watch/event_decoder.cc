#include "watch/event_decoder.h"

#include <string>

#include "json/parser.h"

namespace pvcwatch::watch {

std::optional<Event> DecodeEvent(std::string_view line) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return std::nullopt;
  json::Value frame;
  try {
    frame = json::Parse(line);
  } catch (const json::ParseError& e) {
    throw DecodeError(std::string("malformed watch event: ") + e.what());
  }
  Event event;
  event.type = std::string(frame["type"].AsString());
  if (const json::Value* object = frame.Find("object")) event.object = *object;
  if (event.type.empty() || !event.object.IsObject()) {
    throw DecodeError("malformed watch event: no type or object");
  }
  return event;
}

}  // namespace pvcwatch::watch
