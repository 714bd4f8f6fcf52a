#include "jsonpath/compare.h"

#include <cstdint>
#include <optional>

namespace pvcwatch::jsonpath {
namespace {

// template's basicKind classes.
enum class Basic { kBool, kInt, kUint, kFloat, kString };

constexpr char kBadType[] = "invalid type for comparison";
constexpr char kBadComparison[] = "incompatible types for comparison";

std::optional<Basic> BasicKind(const Result& r) {
  switch (KindOf(r)) {
    case GoKind::kBool: return Basic::kBool;
    case GoKind::kInt64:
    case GoKind::kInt: return Basic::kInt;
    case GoKind::kUint8: return Basic::kUint;
    case GoKind::kFloat64: return Basic::kFloat;
    case GoKind::kString: return Basic::kString;
    default: return std::nullopt;  // nil, maps and slices
  }
}

bool Equal(const Result& a, const Result& b, std::string& error) {
  const std::optional<Basic> ka = BasicKind(a);
  if (!ka) return error = kBadType, false;
  const std::optional<Basic> kb = BasicKind(b);
  if (!kb) return error = kBadType, false;
  if (*ka != *kb) {
    if (*ka == Basic::kInt && *kb == Basic::kUint) return IntOf(a) >= 0 && IntOf(a) == IntOf(b);
    if (*ka == Basic::kUint && *kb == Basic::kInt) return IntOf(b) >= 0 && IntOf(a) == IntOf(b);
    return error = kBadComparison, false;
  }
  switch (*ka) {
    case Basic::kBool: return BoolOf(a) == BoolOf(b);
    case Basic::kFloat: return FloatOf(a) == FloatOf(b);
    case Basic::kString: return StringOf(a) == StringOf(b);
    default: return IntOf(a) == IntOf(b);
  }
}

bool Less(const Result& a, const Result& b, std::string& error) {
  const std::optional<Basic> ka = BasicKind(a);
  if (!ka) return error = kBadType, false;
  const std::optional<Basic> kb = BasicKind(b);
  if (!kb) return error = kBadType, false;
  if (*ka != *kb) {
    // A uint8 is never negative, so the mixed cases reduce to plain int64 comparisons.
    if (*ka == Basic::kInt && *kb == Basic::kUint) return IntOf(a) < IntOf(b);
    if (*ka == Basic::kUint && *kb == Basic::kInt) return IntOf(b) >= 0 && IntOf(a) < IntOf(b);
    return error = kBadComparison, false;
  }
  switch (*ka) {
    case Basic::kBool: return error = kBadType, false;
    case Basic::kFloat: return FloatOf(a) < FloatOf(b);
    case Basic::kString: return StringOf(a) < StringOf(b);
    default: return IntOf(a) < IntOf(b);
  }
}

}  // namespace

bool Compare(std::string_view op, const Result& left, const Result& right, std::string& error) {
  if (op == "==") return Equal(left, right, error);
  if (op == "!=") {
    const bool equal = Equal(left, right, error);
    return error.empty() && !equal;
  }
  if (op == "<") return Less(left, right, error);
  if (op == ">=") {
    const bool less = Less(left, right, error);
    return error.empty() && !less;
  }
  // <= is < or ==; > is not <=.
  const bool less = Less(left, right, error);
  const bool less_equal = error.empty() && (less || Equal(left, right, error));
  if (op == "<=") return less_equal;
  return error.empty() && !less_equal;
}

}  // namespace pvcwatch::jsonpath
