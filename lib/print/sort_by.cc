#include "print/sort_by.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <utility>
#include <variant>

#include "go/sort.h"
#include "go/strconv.h"
#include "json/encode.h"
#include "jsonpath/go_format.h"
#include "jsonpath/jsonpath.h"
#include "jsonpath/parser.h"
#include "jsonpath/relaxed.h"
#include "jsonpath/result.h"
#include "quantity/quantity.h"

// kubectl's --sort-by, from k8s.io/kubectl v0.37 pkg/cmd/get: sorter.go (SortingPrinter,
// SortObjects, RuntimeSort, isLess, TableSorter) and get.go (RuntimeSorter, Run,
// printGeneric). Both sorters use sort.Sort, which is not stable and whose Less is not a
// strict weak order here (a missing field is less than anything, itself included), so the
// order is Go's pdqsort's, call for call.
namespace pvcwatch::print {
namespace {

using jsonpath::GoKind;
using jsonpath::Result;
using Less = std::function<bool(std::size_t, std::size_t)>;

std::vector<std::size_t> Identity(std::size_t n) {
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  return order;
}

// isLess failed: Go's panic (a reflect call on the wrong kind) or isLess's own error.
struct Panic {
  std::string text;
};
struct Unsortable {
  std::string text;
};

// The sort key of one object: the first result of the first node, as a reflect.Value would
// be. `direct` is a value of its own kind: the object itself ({..}, {}) or a template
// literal; a field or element of the object is an interface value (Kind() "interface").
struct Key {
  std::optional<Result> value;  // empty: the field is missing
  bool direct = false;
};

std::string_view KindName(const Key& k) {
  if (!k.direct) return "interface";
  switch (jsonpath::KindOf(*k.value)) {
    case GoKind::kInvalid: return "invalid";
    case GoKind::kMap: return "map";
    case GoKind::kSlice: return "slice";
    case GoKind::kString: return "string";
    case GoKind::kInt: return "int";
    case GoKind::kFloat64: return "float64";
    case GoKind::kBool: return "bool";
    case GoKind::kUint8: return "uint8";
    default: return "interface";
  }
}

// reflect's Value.Type().String(), for the "<T Value>" of Value.String() and for panics.
std::string TypeText(const Key& k) {
  if (!k.direct) return "interface {}";
  if (jsonpath::KindOf(*k.value) == GoKind::kInvalid) return "invalid";
  return std::string(jsonpath::TypeName(*k.value));
}

[[noreturn]] void ReflectPanic(std::string_view method, const Key& k) {
  const std::string kind = KindName(k) == "invalid" ? "zero" : std::string(KindName(k));
  throw Panic{"reflect: call of reflect.Value." + std::string(method) + " on " + kind + " Value"};
}

// Value.IsNil: for an interface whether it holds nil; a map is never nil here; other
// kinds panic.
bool IsNil(const Key& k) {
  if (!k.direct) return jsonpath::KindOf(*k.value) == GoKind::kNil;
  if (jsonpath::KindOf(*k.value) == GoKind::kMap) return false;
  ReflectPanic("IsNil", k);
}

// The dynamic Go type of Value.Interface(): an interface value's content or the value.
GoKind Dynamic(const Key& k) { return jsonpath::KindOf(*k.value); }

bool StringLess(std::string_view i, std::string_view j) {
  // sorter.go: two strings that both parse as a resource.Quantity compare by value.
  try {
    return Quantity::Parse(i).Cmp(Quantity::Parse(j)) < 0;
  } catch (const QuantityError&) {
    return i < j;
  }
}

// sorter.go's isLess for the values FindResults yields on unstructured objects.
bool IsLess(const Key& i, const Key& j) {
  const Result& a = *i.value;
  const Result& b = *j.value;
  if (i.direct) {
    switch (jsonpath::KindOf(a)) {
      case GoKind::kInt:
        if (!j.direct || jsonpath::KindOf(b) != GoKind::kInt) ReflectPanic("Int", j);
        return jsonpath::IntOf(a) < jsonpath::IntOf(b);
      case GoKind::kUint8:
        if (!j.direct || jsonpath::KindOf(b) != GoKind::kUint8) ReflectPanic("Uint", j);
        return jsonpath::IntOf(a) < jsonpath::IntOf(b);
      case GoKind::kFloat64:
        if (!j.direct || jsonpath::KindOf(b) != GoKind::kFloat64) ReflectPanic("Float", j);
        return jsonpath::FloatOf(a) < jsonpath::FloatOf(b);
      case GoKind::kString: {
        // Value.String() of another kind is "<T Value>"; no Quantity rule on this branch.
        const std::string other = j.direct && jsonpath::KindOf(b) == GoKind::kString
                                      ? std::string(jsonpath::StringOf(b))
                                      : "<" + TypeText(j) + " Value>";
        return jsonpath::StringOf(a) < std::string_view(other);
      }
      default: throw Unsortable{"unsortable type: " + std::string(KindName(i))};
    }
  }
  // reflect.Interface: nil first, then same dynamic types only.
  const bool j_nil = IsNil(j);
  const bool i_nil = jsonpath::KindOf(a) == GoKind::kNil;
  if (i_nil && j_nil) return false;
  if (i_nil) return true;
  if (j_nil) return false;
  switch (Dynamic(i)) {
    case GoKind::kInt64:
      if (Dynamic(j) == GoKind::kInt64) return jsonpath::IntOf(a) < jsonpath::IntOf(b);
      break;
    case GoKind::kFloat64:
      if (Dynamic(j) == GoKind::kFloat64) return jsonpath::FloatOf(a) < jsonpath::FloatOf(b);
      break;
    case GoKind::kString:
      if (Dynamic(j) == GoKind::kString) {
        return StringLess(jsonpath::StringOf(a), jsonpath::StringOf(b));
      }
      break;
    default: throw Unsortable{"unsortable type: " + std::string(jsonpath::TypeName(a))};
  }
  throw Unsortable{"unsortable interface: interface"};
}

// The key of `object` from a FindResults answer.
Key KeyOf(const std::vector<std::vector<Result>>& found, const json::Value& object) {
  Key key;
  if (found.empty() || found[0].empty()) return key;
  key.value = found[0][0];
  key.direct = key.value->kind != Result::Kind::kDocument || key.value->document == &object;
  return key;
}

// Go's json.Marshal and decode again, as printGeneric and decodeIntoTable do: a float that
// encodes as an integer ("1.0" -> 1) comes back an int64.
json::Value Reencode(const json::Value& value) {
  switch (value.type()) {
    case json::Value::Type::kNumber: {
      const auto number = json::DecodeNumber(value.AsString());
      if (const double* real = std::get_if<double>(&number)) {
        return json::Value::Number(json::FormatJsonFloat(*real));
      }
      return value;
    }
    case json::Value::Type::kArray: {
      json::Value::Array items;
      for (const auto& item : value.items()) items.push_back(Reencode(item));
      return json::Value::MakeArray(std::move(items));
    }
    case json::Value::Type::kObject: {
      json::Value::Object members;
      for (const auto& [name, member] : value.members()) {
        members.emplace_back(name, Reencode(member));
      }
      return json::Value::MakeObject(std::move(members));
    }
    default: return value;
  }
}

std::vector<json::Value> Reencode(const std::vector<json::Value>& objects) {
  std::vector<json::Value> out;
  out.reserve(objects.size());
  for (const auto& object : objects) out.push_back(Reencode(object));
  return out;
}

std::string NotFound(const std::string& field) {
  return "couldn't find any field with path " + go::Quote(field) + " in the list of objects";
}

// SortObjects: the field relaxed (its error returned), parsed with AllowMissingKeys, found
// in one object at least (checked up to the first that has it), then RuntimeSort, whose
// Less evaluates both objects on every call: a failure there is klog.Fatalf.
std::vector<std::size_t> SortObjects(const std::vector<json::Value>& objects,
                                     const std::string& field_input) {
  std::string field;
  std::optional<jsonpath::JsonPath> parser;
  try {
    field = jsonpath::RelaxedJsonPathExpression(field_input);
    parser.emplace(field);
  } catch (const jsonpath::ParseError& e) {
    throw SortError(e.what());
  }
  parser->AllowMissingKeys(true);

  // Each object's answer, computed once: a fresh parser per call upstream, and a relaxed
  // field holds no {range} whose state could carry over.
  std::vector<std::variant<Key, std::string>> keys;
  std::vector<std::vector<std::vector<Result>>> found(objects.size());
  bool found_once = false;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    try {
      found[i] = parser->FindResults(objects[i]);
      keys.emplace_back(KeyOf(found[i], objects[i]));
    } catch (const jsonpath::ExecuteError& e) {
      if (!found_once) throw SortError(e.what());
      keys.emplace_back(std::string(e.what()));
      continue;
    }
    found_once = found_once || std::get<Key>(keys.back()).value.has_value();
  }
  if (!found_once) throw SortError(NotFound(field));

  const Less less = [&](std::size_t i, std::size_t j) {
    if (const auto* error = std::get_if<std::string>(&keys[i])) {
      throw SortExit("Failed to get i values for &unstructured.Unstructured{Object:" +
                         jsonpath::FormatGoSyntax(objects[i]) + "} using " + field +
                         " (&errors.errorString{s:" + go::Quote(*error) + "})",
                     255, "sorter.go:310");
    }
    if (const auto* error = std::get_if<std::string>(&keys[j])) {
      throw SortExit("Failed to get j values for &unstructured.Unstructured{Object:" +
                         jsonpath::FormatGoSyntax(objects[j]) + "} using " + field + " (" + *error +
                         ")",
                     255, "sorter.go:315");
    }
    const Key& a = std::get<Key>(keys[i]);
    const Key& b = std::get<Key>(keys[j]);
    if (!a.value) return true;
    if (!b.value) return false;
    try {
      return IsLess(a, b);
    } catch (const Unsortable& e) {
      throw SortExit("Field " + field + " in *unstructured.Unstructured is an unsortable type: " +
                         std::string(KindName(a)) + ", err: " + e.text,
                     1, "sorter.go:329");
    } catch (const Panic& e) {
      throw SortExit(e.text, 2, "");
    }
  };
  std::vector<std::size_t> order = Identity(objects.size());
  go::Sort(order, less);
  return order;
}

}  // namespace

std::vector<std::size_t> SortBy::ListOrder(const std::vector<json::Value>& objects) const {
  // SortingPrinter.sortObj: an empty list is left alone; one item is already checked.
  if (objects.empty()) return {};
  return SortObjects(Reencode(objects), field_);
}

std::vector<std::size_t> SortBy::ObjectsOrder(const std::vector<json::Value>& objects) const {
  // RuntimeSorter.Sort: zero or one object is sorted as it is. NewRuntimeSorter keeps the
  // raw field when relaxing fails, and SortObjects relaxes (and fails) again.
  if (objects.size() <= 1) return Identity(objects.size());
  return SortObjects(objects, field_);
}

TableOrder SortBy::TableRowsOrder(const std::vector<json::Value>& rows_in) const {
  TableOrder result;
  result.rows = Identity(rows_in.size());
  const auto dropped = [](std::string error) { return TableOrder{{}, std::move(error)}; };
  // SortingPrinter.PrintObj: a Table of one row is not sorted; the field relaxed, or taken
  // raw when that fails (so "{.a}{.b}" and {range} templates get through here).
  if (rows_in.size() <= 1) return result;
  const std::vector<json::Value> rows = Reencode(rows_in);
  std::string field = field_;
  try {
    field = jsonpath::RelaxedJsonPathExpression(field_);
  } catch (const jsonpath::ParseError&) {
  }
  std::optional<jsonpath::JsonPath> parser;
  try {
    parser.emplace(field);
  } catch (const jsonpath::ParseError& e) {
    return dropped(std::string("sorting error: ") + e.what());
  }
  parser->AllowMissingKeys(true);

  // NewTableSorter: one parser for every row in turn (its {range} state carries over).
  std::vector<std::vector<std::vector<Result>>> found(rows.size());
  std::vector<Key> keys;
  bool found_once = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    try {
      found[i] = parser->FindResults(rows[i]);
    } catch (const jsonpath::ExecuteError& e) {
      return dropped("Failed to get values for [][]reflect.Value(nil) using " + field +
                     " (&errors.errorString{s:" + go::Quote(e.what()) + "})");
    }
    keys.push_back(KeyOf(found[i], rows[i]));
    found_once = found_once || keys.back().value.has_value();
  }
  if (!found_once) return dropped(NotFound(field));

  const Less less = [&](std::size_t i, std::size_t j) {
    if (!keys[i].value) return true;
    if (!keys[j].value) return false;
    try {
      return IsLess(keys[i], keys[j]);
    } catch (const Unsortable& e) {
      throw SortExit("Field " + field + " in [][][]reflect.Value is an unsortable type: " +
                         std::string(KindName(keys[i])) + ", err: " + e.text,
                     1, "sorter.go:375");
    } catch (const Panic& e) {
      throw SortExit(e.text, 2, "");
    }
  };
  go::Sort(result.rows, less);
  return result;
}

}  // namespace pvcwatch::print
