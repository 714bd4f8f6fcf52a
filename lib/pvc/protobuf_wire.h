#pragma once

// Internal to lib/pvc: a reader of the protocol buffers wire format, for the API server's
// application/vnd.kubernetes.protobuf answers. Bounds-checked: whatever the bytes, a read
// past the end or a malformed field throws watch::DecodeError.

#include <cstdint>
#include <string>
#include <string_view>

#include "watch/decode_error.h"

namespace pvcwatch::pvc {

class WireReader {
 public:
  enum class Type { kVarint = 0, kFixed64 = 1, kBytes = 2, kFixed32 = 5 };

  explicit WireReader(std::string_view bytes) : rest_(bytes) {}

  bool done() const { return rest_.empty(); }

  /// The next field's number and wire type; the value is read next with Varint, Bytes
  /// or Skip.
  uint32_t Field(Type& type) { return FieldOf(Varint(), type); }

  uint64_t Varint() {
    return ReadVarint([this] {
      if (rest_.empty()) Fail("truncated varint");
      const auto byte = static_cast<unsigned char>(rest_.front());
      rest_.remove_prefix(1);
      return byte;
    });
  }

  /// A field key's number and wire type, checked: for this reader and the streaming one.
  static uint32_t FieldOf(uint64_t key, Type& type) {
    const uint64_t wire = key & 7;
    if (wire != 0 && wire != 1 && wire != 2 && wire != 5) Fail("unknown wire type");
    if ((key >> 3) == 0 || (key >> 3) > 0x1fffffff) Fail("bad field number");
    type = static_cast<Type>(wire);
    return static_cast<uint32_t>(key >> 3);
  }

  /// A varint from `next_byte()`, which fails at the end of the input.
  template <typename NextByte>
  static uint64_t ReadVarint(NextByte next_byte) {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const unsigned char byte = next_byte();
      value |= uint64_t{byte & 0x7fu} << shift;
      if ((byte & 0x80u) == 0) return value;
    }
    Fail("varint longer than 10 bytes");
  }

  std::string_view Bytes() {
    const uint64_t size = Varint();
    if (size > rest_.size()) Fail("truncated length-delimited field");
    std::string_view value = rest_.substr(0, static_cast<size_t>(size));
    rest_.remove_prefix(static_cast<size_t>(size));
    return value;
  }

  /// A field of `type` whose value is not wanted.
  void Skip(Type type) {
    switch (type) {
      case Type::kVarint: Varint(); return;
      case Type::kBytes: Bytes(); return;
      case Type::kFixed64: Advance(8); return;
      case Type::kFixed32: Advance(4); return;
    }
  }

  /// Bytes(), for a field that must be length-delimited.
  std::string_view Bytes(Type type) {
    if (type != Type::kBytes) Fail("a length-delimited field of another wire type");
    return Bytes();
  }
  /// Varint(), for a field that must be a varint.
  uint64_t Varint(Type type) {
    if (type != Type::kVarint) Fail("a varint field of another wire type");
    return Varint();
  }

  [[noreturn]] static void Fail(const std::string& what) {
    throw watch::DecodeError("malformed protobuf list response: " + what);
  }

 private:
  void Advance(size_t n) {
    if (n > rest_.size()) Fail("truncated fixed-size field");
    rest_.remove_prefix(n);
  }

  std::string_view rest_;
};

}  // namespace pvcwatch::pvc
