#include "jsonpath/go_format.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "go/strconv.h"
#include "go/strconv_float.h"
#include "go/unicode.h"
#include "go/utf8.h"

namespace pvcwatch::jsonpath {
namespace {

void AppendUpperHex(std::string& out, std::uint32_t value, int digits) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xF];
}

// fmt sorts map keys (internal/fmtsort): strings bytewise.
std::vector<const json::Value::Member*> SortedMembers(const json::Value& value) {
  std::vector<const json::Value::Member*> members;
  for (const json::Value::Member& member : value.members()) members.push_back(&member);
  std::stable_sort(members.begin(), members.end(),
                   [](const auto* a, const auto* b) { return a->first < b->first; });
  return members;
}

std::string FormatDocumentScalar(const json::Value& value) {
  return FormatScalar(Result::Document(value));
}

// %v below depth 0, where a nil interface prints as <nil>.
std::string FormatDocument(const json::Value& value) {
  switch (value.type()) {
    case json::Value::Type::kNull: return "<nil>";
    case json::Value::Type::kObject: {
      std::string out = "map[";
      bool first = true;
      for (const auto* member : SortedMembers(value)) {
        if (!first) out += ' ';
        first = false;
        out += member->first + ":" + FormatDocument(member->second);
      }
      return out + "]";
    }
    case json::Value::Type::kArray: {
      std::string out = "[";
      for (std::size_t i = 0; i < value.items().size(); ++i) {
        if (i > 0) out += ' ';
        out += FormatDocument(value.items()[i]);
      }
      return out + "]";
    }
    default: return FormatDocumentScalar(value);
  }
}

}  // namespace

std::string FormatUnicode(char32_t r) {
  std::string out = "U+";
  std::string hex;
  AppendUpperHex(hex, r, 8);
  hex.erase(0, std::min(hex.find_first_not_of('0'), hex.size() - 4));
  out += hex;
  if (go::IsPrint(r)) {
    out += " '";
    go::AppendRune(out, r);
    out += '\'';
  }
  return out;
}

std::string FormatScalar(const Result& r) {
  switch (KindOf(r)) {
    case GoKind::kString: return std::string(StringOf(r));
    case GoKind::kInt64:
    case GoKind::kInt:
    case GoKind::kUint8: return std::to_string(IntOf(r));
    case GoKind::kFloat64: return go::FormatFloat(FloatOf(r), 'g');
    case GoKind::kBool: return BoolOf(r) ? "true" : "false";
    case GoKind::kNil: return "<nil>";
    default: return "";
  }
}

std::string FormatValue(const Result& r) {
  if (r.kind == Result::Kind::kInvalid) return "<invalid reflect.Value>";
  if (r.kind == Result::Kind::kDocument) return FormatDocument(*r.document);
  return FormatScalar(r);
}

std::string FormatGoSyntax(const json::Value& value) {
  switch (value.type()) {
    case json::Value::Type::kNull: return "interface {}(nil)";
    case json::Value::Type::kString: return go::Quote(value.AsString());
    case json::Value::Type::kObject: {
      std::string out = "map[string]interface {}{";
      bool first = true;
      for (const auto* member : SortedMembers(value)) {
        if (!first) out += ", ";
        first = false;
        out += go::Quote(member->first) + ":" + FormatGoSyntax(member->second);
      }
      return out + "}";
    }
    case json::Value::Type::kArray: {
      std::string out = "[]interface {}{";
      for (std::size_t i = 0; i < value.items().size(); ++i) {
        if (i > 0) out += ", ";
        out += FormatGoSyntax(value.items()[i]);
      }
      return out + "}";
    }
    default: return FormatDocumentScalar(value);
  }
}

std::string_view TypeName(const Result& r) {
  switch (KindOf(r)) {
    case GoKind::kMap: return "map[string]interface {}";
    case GoKind::kSlice: return "[]interface {}";
    case GoKind::kString: return "string";
    case GoKind::kInt64: return "int64";
    case GoKind::kFloat64: return "float64";
    case GoKind::kBool: return "bool";
    case GoKind::kInt: return "int";
    case GoKind::kUint8: return "uint8";
    case GoKind::kNil: return "interface {}";
    case GoKind::kInvalid: break;
  }
  return "<invalid>";
}

}  // namespace pvcwatch::jsonpath
