#include "json/encode.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "go/strconv.h"
#include "go/strconv_float.h"
#include "go/utf8.h"
#include "json/value.h"

namespace pvcwatch::json {
namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr std::size_t kFlushBytes = 1 << 16;

// Writes into a string and hands it to the stream in large pieces: a list of thousands of
// claims is printed without thousands of small stream writes.
class JsonWriter {
 public:
  JsonWriter(std::ostream& out, bool indent) : out_(out), indent_(indent) {}

  void Write(const json::Value& value, int depth) {
    switch (value.type()) {
      case json::Value::Type::kNull: buffer_ += "null"; break;
      case json::Value::Type::kBool: buffer_ += value.AsBool() ? "true" : "false"; break;
      case json::Value::Type::kNumber: buffer_ += FormatJsonNumber(value.AsString()); break;
      case json::Value::Type::kString: WriteString(value.AsString()); break;
      case json::Value::Type::kArray: WriteArray(value.items(), depth); break;
      case json::Value::Type::kObject: WriteObject(value.members(), depth); break;
    }
    if (buffer_.size() >= kFlushBytes) Flush();
  }

  void Finish() {
    buffer_ += '\n';
    Flush();
  }

 private:
  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

  void NewLine(int depth) {
    if (!indent_) return;
    buffer_ += '\n';
    buffer_.append(static_cast<std::size_t>(depth) * 4, ' ');
  }

  void WriteArray(const json::Value::Array& items, int depth) {
    // Go's Indent keeps an empty array as "[]".
    buffer_ += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) buffer_ += ',';
      NewLine(depth + 1);
      Write(items[i], depth + 1);
    }
    if (!items.empty()) NewLine(depth);
    buffer_ += ']';
  }

  void WriteObject(const json::Value::Object& members, int depth) {
    // kubectl decodes into a Go map: a repeated key keeps its last value, and
    // encoding/json writes map keys in byte order.
    std::vector<const json::Value::Member*> sorted;
    sorted.reserve(members.size());
    for (const auto& member : members) sorted.push_back(&member);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto* a, const auto* b) { return a->first < b->first; });
    buffer_ += '{';
    bool first = true;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
      if (i + 1 < sorted.size() && sorted[i + 1]->first == sorted[i]->first) continue;
      if (!first) buffer_ += ',';
      first = false;
      NewLine(depth + 1);
      WriteString(sorted[i]->first);
      buffer_ += indent_ ? ": " : ":";
      Write(sorted[i]->second, depth + 1);
    }
    if (!first) NewLine(depth);
    buffer_ += '}';
  }

  void WriteString(std::string_view s) { AppendJsonString(buffer_, s); }

  std::ostream& out_;
  const bool indent_;
  std::string buffer_;
};

void Print(const json::Value& value, std::ostream& out, bool indent) {
  JsonWriter writer(out, indent);
  writer.Write(value, 0);
  writer.Finish();
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  while (!s.empty()) {
    const auto b = static_cast<unsigned char>(s.front());
    if (b < 0x80) {
      switch (b) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          if (b < 0x20 || b == '<' || b == '>' || b == '&') {
            out += "\\u00";
            out += kHex[b >> 4];
            out += kHex[b & 0xF];
          } else {
            out += static_cast<char>(b);
          }
      }
      s.remove_prefix(1);
      continue;
    }
    const go::Rune rune = go::DecodeRune(s);
    if (!rune.valid) {
      out += "\\ufffd";
    } else if (rune.value == 0x2028 || rune.value == 0x2029) {
      out += rune.value == 0x2028 ? "\\u2028" : "\\u2029";
    } else {
      out.append(s.substr(0, rune.size));
    }
    s.remove_prefix(rune.size);
  }
  out += '"';
}

std::string CompactJson(const Value& value) {
  std::ostringstream out;
  PrintCompactJson(value, out);
  std::string text = std::move(out).str();
  text.pop_back();  // the newline
  return text;
}

std::variant<std::int64_t, double> DecodeNumber(std::string_view text) {
  if (!json::IsNumberText(text)) {
    throw std::invalid_argument("invalid JSON number \"" + std::string(text) + "\"");
  }
  // sigs.k8s.io/json (behind unstructured objects) keeps a number without '.' that fits
  // int64 as an int64: such integers print as sent, "-0" as "0".
  if (const std::optional<std::int64_t> integer = go::ParseIntOrNull(text)) return *integer;
  // Everything else is a float64: Go rounds to nearest, fails on overflow, and accepts
  // underflow as zero.
  const std::optional<double> parsed = go::ParseFloat(text);
  if (!parsed) {
    throw std::invalid_argument("json: cannot unmarshal number " + std::string(text) +
                                " into Go value of type float64");
  }
  return *parsed;
}

std::string FormatJsonFloat(double value) {
  // encoding/json's float encoder: like ES6, %f unless the magnitude is below 1e-6 or at
  // least 1e21, and a negative exponent loses its leading zero (1e-07 -> 1e-7).
  const double magnitude = std::fabs(value);
  if (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21)) {
    std::string out = go::FormatFloat(value, 'e');
    const std::size_t n = out.size();
    if (n >= 4 && out[n - 4] == 'e' && out[n - 3] == '-' && out[n - 2] == '0') {
      out.erase(n - 2, 1);
    }
    return out;
  }
  return go::FormatFloat(value, 'f');
}

std::string FormatJsonNumber(std::string_view text) {
  const std::variant<std::int64_t, double> number = DecodeNumber(text);
  if (const auto* integer = std::get_if<std::int64_t>(&number)) return std::to_string(*integer);
  return FormatJsonFloat(std::get<double>(number));
}

void PrintJson(const json::Value& value, std::ostream& out) { Print(value, out, true); }

void PrintCompactJson(const json::Value& value, std::ostream& out) { Print(value, out, false); }

std::string UnmarshalTypeName(const Value& value) {
  switch (value.type()) {
    case Value::Type::kString: return "string";
    case Value::Type::kNumber: return "number";
    case Value::Type::kBool: return "bool";
    case Value::Type::kArray: return "array";
    case Value::Type::kObject: return "object";
    case Value::Type::kNull: break;
  }
  return "null";
}

}  // namespace pvcwatch::json
