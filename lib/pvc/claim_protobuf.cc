#include "pvc/claim_protobuf.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "go/time.h"
#include "go/utf8.h"
#include "json/value.h"
#include "pvc/protobuf_wire.h"

namespace pvcwatch::pvc {
namespace {

using Type = WireReader::Type;

// Strings arrive as bytes; the JSON a server sends is always valid UTF-8, and so must
// this be before it reaches a printer.
std::string Text(std::string_view bytes) {
  size_t i = 0;
  for (uint64_t word; i + 8 <= bytes.size(); i += 8) {  // ASCII, eight bytes at a time
    std::memcpy(&word, bytes.data() + i, 8);
    if ((word & 0x8080808080808080u) != 0) break;
  }
  while (i < bytes.size()) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const go::Rune rune = go::DecodeRune(bytes.substr(i));
    if (!rune.valid) WireReader::Fail("a string that is not UTF-8");
    i += rune.size;
  }
  return std::string(bytes);
}

json::Value String(std::string_view bytes) { return json::Value::String(Text(bytes)); }

// metav1.Time {seconds, nanos} as its JSON: RFC 3339 in UTC, to the second.
json::Value Timestamp(std::string_view message) {
  WireReader in(message);
  int64_t seconds = 0;
  while (!in.done()) {
    Type type;
    if (in.Field(type) == 1) {
      seconds = static_cast<int64_t>(in.Varint(type));
    } else {
      in.Skip(type);
    }
  }
  // Years 0001-9999, what RFC 3339 (and Go's MarshalJSON) can write.
  if (seconds < -62135596800 || seconds > 253402300799) WireReader::Fail("a time out of range");
  return json::Value::String(go::FormatRfc3339(seconds));
}

// A map entry {key = 1, value = 2}, both length-delimited.
std::pair<std::string_view, std::string_view> Entry(std::string_view message) {
  WireReader in(message);
  std::string_view key, value;
  while (!in.done()) {
    Type type;
    switch (in.Field(type)) {
      case 1: key = in.Bytes(type); break;
      case 2: value = in.Bytes(type); break;
      default: in.Skip(type);
    }
  }
  return {key, value};
}

// resource.Quantity {string = 1}.
json::Value QuantityText(std::string_view message) {
  WireReader in(message);
  json::Value text = json::Value::String("");
  while (!in.done()) {
    Type type;
    if (in.Field(type) == 1) {
      text = String(in.Bytes(type));
    } else {
      in.Skip(type);
    }
  }
  return text;
}

void AddQuantity(json::Value& map, std::string_view entry) {
  auto [key, value] = Entry(entry);
  map.Set(Text(key), QuantityText(value));
}

void Append(json::Value& array, std::string_view bytes) { array.items().push_back(String(bytes)); }

json::Value Metadata(std::string_view message) {
  json::Value metadata = json::Value::MakeObject();
  metadata.members().reserve(8);  // what is kept of it, at most
  json::Value labels, annotations;
  WireReader in(message);
  while (!in.done()) {
    Type type;
    switch (in.Field(type)) {
      case 1: metadata.Set("name", String(in.Bytes(type))); break;
      case 3: metadata.Set("namespace", String(in.Bytes(type))); break;
      case 5: metadata.Set("uid", String(in.Bytes(type))); break;
      case 8: metadata.Set("creationTimestamp", Timestamp(in.Bytes(type))); break;
      case 9: metadata.Set("deletionTimestamp", Timestamp(in.Bytes(type))); break;
      case 11: {
        auto [key, value] = Entry(in.Bytes(type));
        labels.Set(Text(key), String(value));
        break;
      }
      case 12: {
        // Of the annotations only the one StorageClassOf reads: the rest (the
        // last-applied configuration among them) is what makes a claim's bytes.
        auto [key, value] = Entry(in.Bytes(type));
        if (key == "volume.beta.kubernetes.io/storage-class")
          annotations.Set(Text(key), String(value));
        break;
      }
      default: in.Skip(type);
    }
  }
  if (!labels.IsNull()) metadata.Set("labels", std::move(labels));
  if (!annotations.IsNull()) metadata.Set("annotations", std::move(annotations));
  return metadata;
}

json::Value Spec(std::string_view message) {
  json::Value spec = json::Value::MakeObject();
  spec.members().reserve(6);
  json::Value modes, requests;
  WireReader in(message);
  while (!in.done()) {
    Type type;
    switch (in.Field(type)) {
      case 1: Append(modes, in.Bytes(type)); break;
      case 2: {  // VolumeResourceRequirements {limits = 1, requests = 2}
        WireReader resources(in.Bytes(type));
        while (!resources.done()) {
          Type inner;
          if (resources.Field(inner) == 2) {
            AddQuantity(requests, resources.Bytes(inner));
          } else {
            resources.Skip(inner);
          }
        }
        if (requests.IsNull()) requests = json::Value::MakeObject();
        break;
      }
      case 3: spec.Set("volumeName", String(in.Bytes(type))); break;
      case 5: spec.Set("storageClassName", String(in.Bytes(type))); break;
      case 6: spec.Set("volumeMode", String(in.Bytes(type))); break;
      case 9: spec.Set("volumeAttributesClassName", String(in.Bytes(type))); break;
      default: in.Skip(type);
    }
  }
  if (!modes.IsNull()) spec.Set("accessModes", std::move(modes));
  if (!requests.IsNull()) {
    json::Value resources = json::Value::MakeObject();
    resources.Set("requests", std::move(requests));
    spec.Set("resources", std::move(resources));
  }
  return spec;
}

json::Value Status(std::string_view message) {
  json::Value status = json::Value::MakeObject();
  status.members().reserve(7);
  json::Value modes, capacity, allocated;
  WireReader in(message);
  while (!in.done()) {
    Type type;
    switch (in.Field(type)) {
      case 1: status.Set("phase", String(in.Bytes(type))); break;
      case 2: Append(modes, in.Bytes(type)); break;
      case 3: AddQuantity(capacity, in.Bytes(type)); break;
      case 5: AddQuantity(allocated, in.Bytes(type)); break;
      case 8: status.Set("currentVolumeAttributesClassName", String(in.Bytes(type))); break;
      case 9: {  // ModifyVolumeStatus {targetVolumeAttributesClassName = 1, status = 2}
        json::Value modify = json::Value::MakeObject();
        WireReader inner(in.Bytes(type));
        while (!inner.done()) {
          Type t;
          if (inner.Field(t) == 1) {
            modify.Set("targetVolumeAttributesClassName", String(inner.Bytes(t)));
          } else {
            inner.Skip(t);
          }
        }
        status.Set("modifyVolumeStatus", std::move(modify));
        break;
      }
      default: in.Skip(type);
    }
  }
  if (!modes.IsNull()) status.Set("accessModes", std::move(modes));
  if (!capacity.IsNull()) status.Set("capacity", std::move(capacity));
  if (!allocated.IsNull()) status.Set("allocatedResources", std::move(allocated));
  return status;
}

json::Value Claim(std::string_view message) {
  json::Value metadata, spec, status;
  WireReader in(message);
  while (!in.done()) {
    Type type;
    switch (in.Field(type)) {
      case 1: metadata = Metadata(in.Bytes(type)); break;
      case 2: spec = Spec(in.Bytes(type)); break;
      case 3: status = Status(in.Bytes(type)); break;
      default: in.Skip(type);
    }
  }
  json::Value::Object members;
  members.emplace_back("metadata",
                       metadata.IsNull() ? json::Value::MakeObject() : std::move(metadata));
  members.emplace_back("spec", spec.IsNull() ? json::Value::MakeObject() : std::move(spec));
  members.emplace_back("status", status.IsNull() ? json::Value::MakeObject() : std::move(status));
  return json::Value::MakeObject(std::move(members));
}

// The list's bytes as they arrive: varints and length-delimited fields taken whole, a
// field at a time, so only the field being read is held.
class Incoming {
 public:
  explicit Incoming(rest::BodyStream& body) : body_(body) {}

  // True at the clean end of the body (between fields).
  bool AtEnd() { return !Fill(1); }
  uint64_t consumed() const { return consumed_; }

  uint64_t Varint() {
    return WireReader::ReadVarint([this] {
      if (!Fill(1)) WireReader::Fail("truncated varint");
      ++consumed_;
      return static_cast<unsigned char>(buffer_[start_++]);
    });
  }

  uint32_t Field(Type& type) { return WireReader::FieldOf(Varint(), type); }

  // The next `size` bytes, valid until the next call.
  std::string_view Take(uint64_t size) {
    // An object is at most ~1.5 MB in etcd; a field claiming more is a broken answer.
    constexpr uint64_t kMaxField = uint64_t{64} << 20;
    if (size > kMaxField) WireReader::Fail("a field of " + std::to_string(size) + " bytes");
    if (!Fill(static_cast<size_t>(size))) WireReader::Fail("truncated length-delimited field");
    std::string_view bytes(buffer_.get() + start_, static_cast<size_t>(size));
    start_ += static_cast<size_t>(size);
    consumed_ += size;
    return bytes;
  }

  std::string_view Bytes(Type type) {
    if (type != Type::kBytes) WireReader::Fail("a length-delimited field of another wire type");
    return Take(Varint());
  }

  void Skip(Type type) {
    switch (type) {
      case Type::kVarint: Varint(); return;
      case Type::kBytes: Take(Varint()); return;
      case Type::kFixed64: Take(8); return;
      case Type::kFixed32: Take(4); return;
    }
  }

 private:
  // Makes `size` bytes available from start_; false when the body ends first. The buffer
  // is not zeroed before it is read into (a list's worth of memset otherwise).
  bool Fill(size_t size) {
    if (end_ - start_ >= size) return true;
    constexpr size_t kBlock = 64 << 10;
    const size_t kept = end_ - start_;
    if (kept + std::max(size, kBlock) > capacity_ || start_ > 0) {
      const size_t capacity = std::max(capacity_, kept + std::max(size, kBlock));
      std::unique_ptr<char[]> moved(capacity == capacity_ ? nullptr : new char[capacity]);
      char* to = moved ? moved.get() : buffer_.get();
      if (kept > 0) std::memmove(to, buffer_.get() + start_, kept);  // none yet: no buffer
      if (moved) {
        buffer_ = std::move(moved);
        capacity_ = capacity;
      }
      start_ = 0;
      end_ = kept;
    }
    while (end_ - start_ < size && !ended_) {
      const size_t want = capacity_ - end_;
      const size_t got = body_.Read(buffer_.get() + end_, want);
      end_ += got;
      ended_ = got < want;  // the end of the body
    }
    return end_ - start_ >= size;
  }

  rest::BodyStream& body_;
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
  size_t end_ = 0;    // what has been read into buffer_
  size_t start_ = 0;  // where the next field begins
  uint64_t consumed_ = 0;
  bool ended_ = false;
};

std::string_view KindOf(
    std::string_view type_meta) {  // runtime.TypeMeta {apiVersion = 1, kind = 2}
  WireReader in(type_meta);
  std::string_view kind;
  while (!in.done()) {
    Type type;
    if (in.Field(type) == 2) {
      kind = in.Bytes(type);
    } else {
      in.Skip(type);
    }
  }
  return kind;
}

void ReadListMeta(std::string_view message,
                  watch::ListPage& page) {  // {resourceVersion = 2, continue = 3}
  WireReader in(message);
  while (!in.done()) {
    Type type;
    switch (in.Field(type)) {
      case 2: page.resource_version = Text(in.Bytes(type)); break;
      case 3: page.continue_token = Text(in.Bytes(type)); break;
      default: in.Skip(type);
    }
  }
}

}  // namespace

std::string StreamClaimListProtobuf(rest::BodyStream& body, size_t page_size,
                                    const std::function<void(watch::ListPage&)>& on_page) {
  Incoming in(body);
  constexpr std::string_view kMagic("k8s\0", 4);
  if (in.Take(kMagic.size()) != kMagic) WireReader::Fail("no k8s magic prefix");
  // runtime.Unknown {typeMeta = 1, raw = 2 (the list), contentEncoding = 3, contentType = 4}
  std::string kind;
  bool listed = false;
  watch::ListPage page;
  std::string version, next;
  while (!in.AtEnd()) {
    Type type;
    switch (in.Field(type)) {
      case 1: kind = Text(KindOf(in.Bytes(type))); break;
      case 2: {
        if (type != Type::kBytes) WireReader::Fail("a length-delimited field of another wire type");
        if (kind != "PersistentVolumeClaimList") {
          WireReader::Fail("a " + (kind.empty() ? std::string("message without a kind") : kind) +
                           ", not a PersistentVolumeClaimList");
        }
        const uint64_t size = in.Varint();
        const uint64_t end = in.consumed() + size;
        // PersistentVolumeClaimList {metadata = 1, items = 2}, item by item.
        while (in.consumed() < end) {
          Type t;
          switch (in.Field(t)) {
            case 1: ReadListMeta(in.Bytes(t), page); break;
            case 2:
              page.items.push_back(Claim(in.Bytes(t)));
              if (page.items.size() >= page_size) {
                version = page.resource_version;
                next = page.continue_token;
                on_page(page);
                page = watch::ListPage();
                page.resource_version = version;
                page.continue_token = next;
              }
              break;
            default: in.Skip(t);
          }
        }
        if (in.consumed() != end) WireReader::Fail("a list longer than its length");
        listed = true;
        break;
      }
      case 3:
        if (!in.Bytes(type).empty()) WireReader::Fail("a list with a content encoding");
        break;
      default: in.Skip(type);
    }
  }
  if (!listed) WireReader::Fail("no list in the envelope");
  version = page.resource_version;
  on_page(page);
  return version;
}

watch::ListPage DecodeClaimListProtobuf(std::string_view body) {
  rest::MemoryBody bytes(body);
  watch::ListPage whole;
  StreamClaimListProtobuf(bytes, SIZE_MAX, [&](watch::ListPage& page) { whole = std::move(page); });
  return whole;
}

}  // namespace pvcwatch::pvc
