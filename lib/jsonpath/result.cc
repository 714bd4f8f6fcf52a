#include "jsonpath/result.h"

#include <variant>

#include "json/encode.h"

namespace pvcwatch::jsonpath {

GoKind KindOf(const Result& r) {
  switch (r.kind) {
    case Result::Kind::kInvalid: return GoKind::kInvalid;
    case Result::Kind::kText: return GoKind::kString;
    case Result::Kind::kInt: return GoKind::kInt;
    case Result::Kind::kFloat: return GoKind::kFloat64;
    case Result::Kind::kBool: return GoKind::kBool;
    case Result::Kind::kByte: return GoKind::kUint8;
    case Result::Kind::kDocument: break;
  }
  switch (r.document->type()) {
    case json::Value::Type::kNull: return GoKind::kNil;
    case json::Value::Type::kBool: return GoKind::kBool;
    case json::Value::Type::kString: return GoKind::kString;
    case json::Value::Type::kArray: return GoKind::kSlice;
    case json::Value::Type::kObject: return GoKind::kMap;
    case json::Value::Type::kNumber: break;
  }
  return std::holds_alternative<std::int64_t>(json::DecodeNumber(r.document->AsString()))
             ? GoKind::kInt64
             : GoKind::kFloat64;
}

std::string_view StringOf(const Result& r) {
  return r.kind == Result::Kind::kDocument ? r.document->AsString() : r.text;
}

std::int64_t IntOf(const Result& r) {
  if (r.kind != Result::Kind::kDocument) return r.integer;
  return std::get<std::int64_t>(json::DecodeNumber(r.document->AsString()));
}

double FloatOf(const Result& r) {
  if (r.kind != Result::Kind::kDocument) return r.real;
  return std::get<double>(json::DecodeNumber(r.document->AsString()));
}

bool BoolOf(const Result& r) {
  return r.kind == Result::Kind::kDocument ? r.document->AsBool() : r.boolean;
}

}  // namespace pvcwatch::jsonpath
