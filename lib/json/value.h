#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace pvcwatch::json {

/// A JSON document as the server sent it: objects keep their member order and numbers
/// keep their text, so printers can re-emit them exactly as kubectl would.
class Value {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  using Array = std::vector<Value>;
  using Member = std::pair<std::string, Value>;
  using Object = std::vector<Member>;

  Value() = default;
  static Value Bool(bool b);
  /// A number from its JSON text (e.g. "3", "-1.5e3"); the text is not checked here.
  static Value Number(std::string text);
  static Value String(std::string s);
  static Value MakeArray(Array items = {});
  static Value MakeObject(Object members = {});

  Type type() const { return static_cast<Type>(data_.index()); }
  bool IsNull() const { return type() == Type::kNull; }
  bool IsString() const { return type() == Type::kString; }
  bool IsObject() const { return type() == Type::kObject; }
  bool IsArray() const { return type() == Type::kArray; }

  /// The boolean; false for any other type.
  bool AsBool() const;
  /// The string, or the number's text; empty for any other type.
  std::string_view AsString() const;
  /// The members of an object; empty for any other type.
  const Object& members() const;
  /// The members for changing them: a null value becomes an empty object first. Any
  /// other non-object throws std::bad_variant_access, so check IsObject() on input.
  Object& members();
  /// The elements of an array; empty for any other type.
  const Array& items() const;
  /// The elements for changing them: a null value becomes an empty array first. Any
  /// other non-array throws std::bad_variant_access, so check IsArray() on input.
  Array& items();

  /// The member named `key`, or nullptr when absent or when this is not an object.
  const Value* Find(std::string_view key) const;
  /// The member named `key`, or a null value: `v["metadata"]["name"].AsString()`.
  const Value& operator[](std::string_view key) const;
  /// Adds or replaces the member `key` of an object (a null value becomes an object).
  void Set(std::string key, Value value);
  /// Removes the member `key` of an object, if present.
  void Remove(std::string_view key);

  friend bool operator==(const Value&, const Value&) = default;

 private:
  struct NumberText {
    std::string text;
    friend bool operator==(const NumberText&, const NumberText&) = default;
  };
  std::variant<std::monostate, bool, NumberText, std::string, Array, Object> data_;
};

/// True when `text` is a JSON number (RFC 8259 grammar: -?int frac? exp?).
bool IsNumberText(std::string_view text);

}  // namespace pvcwatch::json
