#pragma once

#include <cstdint>
#include <string_view>

#include "json/value.h"

namespace pvcwatch::jsonpath {

/// One value a template step produced (a reflect.Value in client-go's engine): a node of
/// the document, or a value the template made (a literal, a byte of a string). Views into
/// the document and the parsed template, which must outlive it.
struct Result {
  enum class Kind {
    kInvalid,   ///< Go's zero reflect.Value: what a range hands its body for a null item.
    kDocument,  ///< `document`; a JSON null is a nil interface, not kInvalid.
    kText,      ///< a string literal of the template (Go string)
    kInt,       ///< an integer literal (Go int)
    kFloat,     ///< a number literal with a '.' (Go float64)
    kBool,      ///< true or false (Go bool)
    kByte,      ///< a byte of a string, from a wildcard or recursive descent (Go uint8)
  };
  Kind kind = Kind::kInvalid;
  const json::Value* document = nullptr;
  std::string_view text;
  std::int64_t integer = 0;  ///< kInt and kByte
  double real = 0;
  bool boolean = false;

  static Result Document(const json::Value& value) { return Make(Kind::kDocument, &value); }
  static Result Text(std::string_view text) {
    Result r = Make(Kind::kText);
    r.text = text;
    return r;
  }
  static Result Int(std::int64_t value) {
    Result r = Make(Kind::kInt);
    r.integer = value;
    return r;
  }
  static Result Float(double value) {
    Result r = Make(Kind::kFloat);
    r.real = value;
    return r;
  }
  static Result Bool(bool value) {
    Result r = Make(Kind::kBool);
    r.boolean = value;
    return r;
  }
  static Result Byte(unsigned char value) {
    Result r = Make(Kind::kByte);
    r.integer = value;
    return r;
  }

 private:
  static Result Make(Kind kind, const json::Value* document = nullptr) {
    Result r;
    r.kind = kind;
    r.document = document;
    return r;
  }
};

/// The Go kind of a result, as reflect sees the decoded object (numbers by their text).
enum class GoKind { kInvalid, kNil, kMap, kSlice, kString, kInt64, kFloat64, kBool, kInt, kUint8 };

/// The kind of `r`; a document number is kInt64 or kFloat64 as kubectl's decoder makes it.
GoKind KindOf(const Result& r);

/// The string of a kString result (document string or literal text).
std::string_view StringOf(const Result& r);

/// The integer of a kInt64, kInt or kUint8 result.
std::int64_t IntOf(const Result& r);

/// The float of a kFloat64 result.
double FloatOf(const Result& r);

/// The boolean of a kBool result.
bool BoolOf(const Result& r);

}  // namespace pvcwatch::jsonpath
