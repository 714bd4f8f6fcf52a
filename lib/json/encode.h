#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>

#include "json/value.h"

namespace pvcwatch::json {

/// Prints `value` as `kubectl get -o json` does (Go json.MarshalIndent(v, "", "    ") of
/// the decoded object, then "\n"): keys sorted bytewise, Go's HTML-safe string escaping.
/// Throws std::invalid_argument for a number Go could not decode (beyond float64 range).
void PrintJson(const json::Value& value, std::ostream& out);

/// Prints `value` on one line as json.Marshal does, then "\n" (kubectl's watch-event lines).
/// Throws std::invalid_argument as PrintJson does.
void PrintCompactJson(const json::Value& value, std::ostream& out);

/// json.Marshal of `value` (PrintCompactJson without the newline).
std::string CompactJson(const Value& value);

/// Appends `s` as Go's encoding/json writes a string (escapeHTML on): short escapes for
/// \b \f \n \r \t, \u00XX for other control bytes and < > &, \u2028 and \u2029 always,
/// invalid UTF-8 as \ufffd.
void AppendJsonString(std::string& out, std::string_view s);

/// The JSON text Go writes for a number after kubectl decoded `text` (no '.' and fits int64:
/// int64; otherwise float64, e.g. "1.0" -> "1", "1e21" -> "1e+21"). Throws
/// std::invalid_argument when `text` is not a JSON number or overflows float64.
std::string FormatJsonNumber(std::string_view text);

/// The Go value kubectl's decoder (sigs.k8s.io/json, behind unstructured objects) makes of
/// the JSON number `text`: int64 when it has no '.' and fits, float64 otherwise. Throws
/// std::invalid_argument as FormatJsonNumber does.
std::variant<std::int64_t, double> DecodeNumber(std::string_view text);

/// encoding/json's text for a float64 (1e21 -> "1e+21", 1e-7 -> "1e-7", 2.0 -> "2").
std::string FormatJsonFloat(double value);

/// encoding/json's name for a JSON value in an UnmarshalTypeError ("json: cannot unmarshal
/// X into Go value of type ..."): "string", "number", "bool", "array", "object", "null".
std::string UnmarshalTypeName(const Value& value);

}  // namespace pvcwatch::json
