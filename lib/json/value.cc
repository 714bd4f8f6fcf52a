#include "json/value.h"

namespace pvcwatch::json {
namespace {
const Value kNull;
const Value::Array kNoItems;
const Value::Object kNoMembers;
}  // namespace

Value Value::Bool(bool b) {
  Value v;
  v.data_ = b;
  return v;
}

Value Value::Number(std::string text) {
  Value v;
  v.data_ = NumberText{std::move(text)};
  return v;
}

Value Value::String(std::string s) {
  Value v;
  v.data_ = std::move(s);
  return v;
}

Value Value::MakeArray(Array items) {
  Value v;
  v.data_ = std::move(items);
  return v;
}

Value Value::MakeObject(Object members) {
  Value v;
  v.data_ = std::move(members);
  return v;
}

bool Value::AsBool() const {
  const bool* b = std::get_if<bool>(&data_);
  return b != nullptr && *b;
}

std::string_view Value::AsString() const {
  if (const auto* s = std::get_if<std::string>(&data_)) return *s;
  if (const auto* n = std::get_if<NumberText>(&data_)) return n->text;
  return {};
}

const Value::Object& Value::members() const {
  const auto* o = std::get_if<Object>(&data_);
  return o != nullptr ? *o : kNoMembers;
}

Value::Object& Value::members() {
  if (IsNull()) data_ = Object{};
  return std::get<Object>(data_);
}

const Value::Array& Value::items() const {
  const auto* a = std::get_if<Array>(&data_);
  return a != nullptr ? *a : kNoItems;
}

Value::Array& Value::items() {
  if (IsNull()) data_ = Array{};
  return std::get<Array>(data_);
}

const Value* Value::Find(std::string_view key) const {
  // Objects are small (a claim has a handful of members per level): a linear scan
  // keeps the server's order without a second index.
  // The first byte is compared before the rest: most members differ there, and the
  // release build's memcmp is a byte loop behind a call.
  for (const auto& [name, value] : members()) {
    if (name.size() == key.size() && (key.empty() || name[0] == key[0]) && name == key) {
      return &value;
    }
  }
  return nullptr;
}

const Value& Value::operator[](std::string_view key) const {
  const Value* v = Find(key);
  return v != nullptr ? *v : kNull;
}

void Value::Set(std::string key, Value value) {
  auto& object = members();
  for (auto& [name, existing] : object) {
    if (name == key) {
      existing = std::move(value);
      return;
    }
  }
  object.emplace_back(std::move(key), std::move(value));
}

void Value::Remove(std::string_view key) {
  if (!IsObject()) return;
  std::erase_if(members(), [&](const Member& m) { return m.first == key; });
}

bool IsNumberText(std::string_view s) {
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i - start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (digits() == 0) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

}  // namespace pvcwatch::json
