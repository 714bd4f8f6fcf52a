#include "json/parser.h"

#include <simdjson.h>

#include <string>

namespace pvcwatch::json {
namespace {

namespace od = simdjson::ondemand;

constexpr size_t kMaxKeptCapacity = size_t{64} << 10;

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

// On-demand values are read once, front to back; each is converted as it is reached.
// Deeper than any Kubernetes object; the recursion below must not exhaust the stack on
// hostile input.
constexpr int kMaxDepth = 512;

// A number's text, checked by grammar, not by conversion: integers beyond 64 bits are
// valid JSON (Go reads them as float64).
template <typename V>
std::string_view NumberText(V&& v) {
  std::string_view text = TrimRight(v.raw_json_token());
  if (!IsNumberText(text)) throw simdjson::simdjson_error(simdjson::NUMBER_ERROR);
  return text;
}

template <typename V>
void CheckNull(V&& v) {
  if (!v.is_null()) throw simdjson::simdjson_error(simdjson::INCORRECT_TYPE);
}

// Reads a value without keeping it: what is left out is checked as strictly as what is
// kept (the iterator alone would skip it by its brackets only).
template <typename V>
void Check(V&& v, int depth) {
  if (depth > kMaxDepth) throw simdjson::simdjson_error(simdjson::DEPTH_ERROR);
  switch (v.type()) {
    case od::json_type::object:
      for (auto field : v.get_object()) {
        field.unescaped_key().value();
        Check(field.value(), depth + 1);
      }
      return;
    case od::json_type::array:
      for (auto element : v.get_array()) Check(element.value(), depth + 1);
      return;
    case od::json_type::number: NumberText(v); return;
    case od::json_type::string: v.get_string().value(); return;
    case od::json_type::boolean: v.get_bool().value(); return;
    case od::json_type::null: CheckNull(v); return;
  }
  throw simdjson::simdjson_error(simdjson::TAPE_ERROR);
}

template <typename V>
Value Convert(V&& v, const ParseOptions& options, int depth = 0, bool metadata = false) {
  if (depth > kMaxDepth) throw simdjson::simdjson_error(simdjson::DEPTH_ERROR);
  switch (v.type()) {
    case od::json_type::object: {
      Value::Object members;
      for (auto field : v.get_object()) {
        std::string key(field.unescaped_key().value());
        if (metadata && options.skip_managed_fields && key == "managedFields") {
          Check(field.value(), depth + 1);
          continue;
        }
        bool is_metadata = key == "metadata";
        members.emplace_back(std::move(key),
                             Convert(field.value(), options, depth + 1, is_metadata));
      }
      return Value::MakeObject(std::move(members));
    }
    case od::json_type::array: {
      Value::Array items;
      for (auto element : v.get_array()) {
        items.push_back(Convert(element.value(), options, depth + 1));
      }
      return Value::MakeArray(std::move(items));
    }
    case od::json_type::number:
      // Keep the text so printers re-emit what the server sent.
      return Value::Number(std::string(NumberText(v)));
    case od::json_type::string: return Value::String(std::string(v.get_string().value()));
    case od::json_type::boolean: return Value::Bool(v.get_bool().value());
    case od::json_type::null: CheckNull(v); return Value();
  }
  throw simdjson::simdjson_error(simdjson::TAPE_ERROR);
}

// " at line L, column C" of where the iterator stopped, when it can tell.
std::string Place(od::document& doc, std::string_view text) {
  auto location = doc.current_location();
  if (location.error() != simdjson::SUCCESS) return "";
  const char* at = location.value_unsafe();
  if (at < text.data() || at > text.data() + text.size()) return "";
  size_t offset = static_cast<size_t>(at - text.data());
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return " at line " + std::to_string(line) + ", column " + std::to_string(column);
}

Value ParsePadded(simdjson::padded_string_view padded, const ParseOptions& options) {
  // One parser per thread, reused: a parser per call allocated and freed its buffers
  // (several times the text) for every watch event. After a document larger than
  // kMaxKeptCapacity (a page of 500 claims is ~1.3 MB) it is dropped, so an idle watch
  // does not keep a page's buffers resident.
  thread_local od::parser parser;
  struct Shrink {
    ~Shrink() {
      if (parser.capacity() > kMaxKeptCapacity) parser = od::parser();
    }
  } shrink;
  od::document doc;
  bool started = false;  // a default document has no iterator to ask for the place
  try {
    doc = parser.iterate(padded);
    started = true;
    Value result;
    switch (doc.type()) {
      case od::json_type::object:
      case od::json_type::array: result = Convert(doc.get_value().value(), options); break;
      default: {
        // A scalar document: simdjson's document-level scalar reads stumble on trailing
        // whitespace, so read it as the one element of an array.
        std::string wrapped = "[" + std::string(std::string_view(padded)) + "]";
        started = false;  // the parser below is this thread's one: `doc` is left behind
        Value array = Parse(wrapped, options);
        if (array.items().size() != 1) throw simdjson::simdjson_error(simdjson::TAPE_ERROR);
        return std::move(array.items()[0]);
      }
    }
    // Past the last token the iterator reports OUT_OF_BOUNDS; anything else is trailing.
    if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) {
      throw simdjson::simdjson_error(simdjson::TRAILING_CONTENT);
    }
    return result;
  } catch (const simdjson::simdjson_error& e) {
    std::string place = started ? Place(doc, padded) : "";
    throw ParseError("invalid JSON" + place + ": " + simdjson::error_message(e.error()));
  }
}

}  // namespace

Value Parse(std::string_view text, ParseOptions options) {
  simdjson::padded_string padded(text);
  return ParsePadded(padded, options);
}

Value ParseInPlace(std::string& buffer, ParseOptions options) {
  buffer.reserve(buffer.size() + simdjson::SIMDJSON_PADDING);
  return ParsePadded(simdjson::padded_string_view(buffer.data(), buffer.size(), buffer.capacity()),
                     options);
}

}  // namespace pvcwatch::json
