#include "pvc/claim_protobuf.h"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "../test_data.h"
#include "print/claim_table.h"
#include "pvc/claim.h"
#include "watch/list_decoder.h"

namespace pvcwatch::pvc {
namespace {

using testing::ReadTestData;

const std::chrono::system_clock::time_point kNow{std::chrono::seconds(1900000000)};

// What the table, the ledger and the budgets take from a claim, as one line.
std::string Seen(const json::Value& object) {
  std::string line;
  for (const std::string& cell : print::ClaimCells(object, true, kNow)) line += cell + "|";
  const Claim claim = ClaimFromObject(object);
  auto text = [](const std::optional<Quantity>& q) { return q ? q->String() : "-"; };
  line += claim.uid + "|" + claim.namespace_name + "|" + claim.phase + "|" + claim.storage_class +
          "|" + text(claim.request) + "|" + text(claim.allocated) + "|" + text(claim.capacity) +
          "|";
  for (const std::string& name : claim.attributes_classes) line += name + ",";
  for (const auto& [key, value] : object["metadata"]["labels"].members()) {
    line += "|" + key + "=" + std::string(value.AsString());
  }
  return line;
}

// A body handed out in pieces of at most `piece` bytes, as a socket would.
class Trickle : public rest::BodyStream {
 public:
  Trickle(std::string bytes, size_t piece) : bytes_(std::move(bytes)), piece_(piece) {}
  size_t Read(char* data, size_t size) override {
    // BodyStream's contract: fewer than asked only at the end, however it arrives.
    size_t n = std::min(size, bytes_.size() - at_);
    for (size_t done = 0; done < n;) {
      const size_t part = std::min(piece_, n - done);
      std::copy_n(bytes_.data() + at_ + done, part, data + done);
      done += part;
    }
    at_ += n;
    ++reads;
    return n;
  }
  int reads = 0;

 private:
  std::string bytes_;
  size_t piece_;
  size_t at_ = 0;
};

BOOST_AUTO_TEST_SUITE(claim_protobuf_test)

// tests/data/protobuf: one list from a real kube-apiserver in both encodings
// (regenerate.py); every claim must read the same from either.
BOOST_AUTO_TEST_CASE(protobuf_reads_as_the_json_of_the_same_list) {
  const watch::ListPage pb = DecodeClaimListProtobuf(ReadTestData("protobuf/claims.pb"));
  const watch::ListPage js = watch::DecodeListPage(ReadTestData("protobuf/claims.json"));
  BOOST_TEST(pb.resource_version == js.resource_version);
  BOOST_TEST(!pb.resource_version.empty());
  BOOST_TEST(pb.continue_token.empty());
  BOOST_REQUIRE_EQUAL(pb.items.size(), 7u);
  BOOST_REQUIRE_EQUAL(pb.items.size(), js.items.size());
  for (size_t i = 0; i < pb.items.size(); ++i) {
    BOOST_TEST(Seen(pb.items[i]) == Seen(js.items[i]));
    BOOST_TEST(pb.items[i]["metadata"]["creationTimestamp"].AsString() ==
               js.items[i]["metadata"]["creationTimestamp"].AsString());
  }
  // What is skipped: managedFields and the other annotations.
  BOOST_TEST(pb.items[0]["metadata"].Find("managedFields") == nullptr);
  BOOST_TEST(pb.items[0]["metadata"]["annotations"].members().size() == 1u);
}

BOOST_AUTO_TEST_CASE(streamed_in_pages_as_it_arrives) {
  const std::string bytes = ReadTestData("protobuf/claims.pb");
  const watch::ListPage whole = DecodeClaimListProtobuf(bytes);
  Trickle body(bytes, 7);
  std::vector<size_t> sizes;
  std::vector<json::Value> items;
  const std::string version = StreamClaimListProtobuf(body, 3, [&](watch::ListPage& page) {
    sizes.push_back(page.items.size());
    BOOST_TEST(page.resource_version == whole.resource_version);
    for (json::Value& item : page.items) items.push_back(std::move(item));
  });
  BOOST_TEST(version == whole.resource_version);
  BOOST_TEST(sizes == (std::vector<size_t>{3, 3, 1}));
  BOOST_TEST((items == whole.items));
}

BOOST_AUTO_TEST_CASE(every_cut_short_body_is_refused) {
  const std::string bytes = ReadTestData("protobuf/claims.pb");
  // The envelope ends with its empty contentEncoding and contentType (fields 3 and 4):
  // optional, so a body without them is whole. A cut anywhere before is not.
  BOOST_REQUIRE(bytes.substr(bytes.size() - 4) == std::string("\x1a\0\x22\0", 4));
  for (size_t size = 0; size < bytes.size() - 4; ++size) {
    BOOST_CHECK_THROW(DecodeClaimListProtobuf(bytes.substr(0, size)), watch::DecodeError);
  }
}

BOOST_AUTO_TEST_CASE(what_is_not_a_claim_list_is_refused) {
  const std::string bytes = ReadTestData("protobuf/claims.pb");
  BOOST_CHECK_THROW(DecodeClaimListProtobuf("k8s"), watch::DecodeError);
  BOOST_CHECK_THROW(DecodeClaimListProtobuf("{\"kind\":\"List\"}"), watch::DecodeError);
  std::string other = bytes;
  const size_t kind = other.find("PersistentVolumeClaimList");
  BOOST_REQUIRE(kind != std::string::npos);
  other.replace(kind, 6, "Secret");  // same length: the envelope still parses
  try {
    DecodeClaimListProtobuf(other);
    BOOST_FAIL("decoded another kind");
  } catch (const watch::DecodeError& e) {
    BOOST_TEST(std::string(e.what()) ==
               "malformed protobuf list response: a SecrettentVolumeClaimList, not a "
               "PersistentVolumeClaimList");
  }
  // A name that is not UTF-8 never reaches a printer.
  std::string bad = bytes;
  const size_t name = bad.find("annotated");
  BOOST_REQUIRE(name != std::string::npos);
  bad[name] = '\xff';
  BOOST_CHECK_THROW(DecodeClaimListProtobuf(bad), watch::DecodeError);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::pvc
