#include "pvc/quota.h"

#include <boost/test/unit_test.hpp>

#include "claim_fixture.h"
#include "json/parser.h"
#include "pvc/basis.h"

namespace pvcwatch::pvc {
namespace {

Claim ClaimWith(const std::string& status, const std::string& storage_class = "gold",
                const std::string& attributes_class = "") {
  json::Value object = json::Parse(
      R"({"metadata":{"name":"c","namespace":"team-a","uid":"u"},"spec":{"storageClassName":")" +
      storage_class + R"(","resources":{"requests":{"storage":"10Gi"}})" +
      (attributes_class.empty() ? ""
                                : R"(,"volumeAttributesClassName":")" + attributes_class + "\"") +
      R"(},"status":)" + status + "}");
  return ClaimFromObject(object);
}

ClaimQuota QuotaWith(const std::string& spec) {
  return ClaimQuotaFromObject(json::Parse(
      R"({"metadata":{"name":"q","namespace":"team-a","uid":"q1"},"spec":)" + spec + "}"));
}

BOOST_AUTO_TEST_SUITE(quota_test)

BOOST_AUTO_TEST_CASE(the_claim_keys_and_only_those) {
  using K = ClaimResource::Kind;
  BOOST_TEST((ParseClaimResource("requests.storage")->kind == K::kStorage));
  BOOST_TEST((ParseClaimResource("persistentvolumeclaims")->kind == K::kCount));
  BOOST_TEST((ParseClaimResource("count/persistentvolumeclaims")->kind == K::kCount));
  const auto gold = ParseClaimResource("gold.storageclass.storage.k8s.io/requests.storage");
  BOOST_TEST((gold->kind == K::kStorage));
  BOOST_TEST(gold->storage_class == "gold");
  const auto count =
      ParseClaimResource("fast-ssd.storageclass.storage.k8s.io/persistentvolumeclaims");
  BOOST_TEST((count->kind == K::kCount));
  BOOST_TEST(count->storage_class == "fast-ssd");
  for (const char* other : {"pods", "requests.cpu", "limits.storage", "requests.ephemeral-storage",
                            ".storageclass.storage.k8s.io/requests.storage",
                            "gold.storageclass.storage.k8s.io/limits.storage", "count/pods"}) {
    BOOST_TEST(!ParseClaimResource(other).has_value(), other);
  }
}

BOOST_AUTO_TEST_CASE(the_charge_is_the_larger_of_request_and_allocation) {
  BOOST_TEST(QuotaStorage(ClaimWith(R"({"phase":"Bound"})"))->String() == "10Gi");
  BOOST_TEST(QuotaStorage(ClaimWith(R"({"allocatedResources":{"storage":"12Gi"}})"))->String() ==
             "12Gi");
  // A resize that failed and was lowered again: the allocation still holds.
  BOOST_TEST(QuotaStorage(ClaimWith(R"({"allocatedResources":{"storage":"5Gi"}})"))->String() ==
             "10Gi");
  // Whole bytes, rounded up.
  Claim fractional = ClaimWith("{}");
  fractional.request = Quantity::Parse("1500m");
  BOOST_TEST(QuotaStorage(fractional)->String() == "2");
  BOOST_TEST(SizeOn(ClaimWith(R"({"capacity":{"storage":"11Gi"}})"), Basis::kCapacity)->String() ==
             "11Gi");
  BOOST_TEST(!SizeOn(ClaimWith("{}"), Basis::kCapacity).has_value());
}

BOOST_AUTO_TEST_CASE(usage_per_key) {
  const Claim claim = ClaimWith(R"({"allocatedResources":{"storage":"12Gi"}})");
  using K = ClaimResource::Kind;
  BOOST_TEST(QuotaUsage(claim, {K::kStorage, ""}).String() == "12Gi");
  BOOST_TEST(QuotaUsage(claim, {K::kStorage, "gold"}).String() == "12Gi");
  BOOST_TEST(QuotaUsage(claim, {K::kStorage, "bronze"}).IsZero());
  BOOST_TEST(QuotaUsage(claim, {K::kCount, ""}).String() == "1");
  BOOST_TEST(QuotaUsage(claim, {K::kCount, "bronze"}).IsZero());
  BOOST_TEST(QuotaUsage(ClaimWith("{}", ""), {K::kStorage, "gold"}).IsZero());
}

BOOST_AUTO_TEST_CASE(a_quota_keeps_its_claim_limits_in_key_order) {
  const ClaimQuota quota = QuotaWith(
      R"({"hard":{"requests.storage":"100Gi","pods":"10","persistentvolumeclaims":"5",)"
      R"("gold.storageclass.storage.k8s.io/requests.storage":"50Gi","requests.cpu":"2"}})");
  BOOST_TEST(quota.limits.size() == 3u);
  BOOST_TEST(quota.limits[0].key == "gold.storageclass.storage.k8s.io/requests.storage");
  BOOST_TEST(quota.limits[1].key == "persistentvolumeclaims");
  BOOST_TEST(quota.limits[2].key == "requests.storage");
  BOOST_TEST(quota.limits[2].hard.String() == "100Gi");
  BOOST_TEST(QuotaWith(R"({"hard":{"requests.storage":"lots"}})").limits.empty());
}

BOOST_AUTO_TEST_CASE(only_the_attributes_class_scope_selects_claims) {
  const Claim plain = ClaimWith("{}");
  const Claim silver = ClaimWith("{}", "gold", "silver");
  BOOST_TEST(QuotaSelects(QuotaWith(R"({"hard":{"requests.storage":"1Gi"}})"), plain));
  BOOST_TEST(!QuotaSelects(QuotaWith(R"({"scopes":["Terminating"]})"), plain));
  BOOST_TEST(!QuotaSelects(QuotaWith(R"({"scopes":["BestEffort"]})"), silver));
  const auto selector = [](const std::string& expression) {
    return QuotaWith(R"({"scopeSelector":{"matchExpressions":[)" + expression + "]}}");
  };
  const ClaimQuota exists =
      selector(R"({"scopeName":"VolumeAttributesClass","operator":"Exists"})");
  BOOST_TEST(QuotaSelects(exists, silver));
  BOOST_TEST(!QuotaSelects(exists, plain));
  const ClaimQuota absent =
      selector(R"({"scopeName":"VolumeAttributesClass","operator":"DoesNotExist"})");
  BOOST_TEST(QuotaSelects(absent, plain));
  BOOST_TEST(!QuotaSelects(absent, silver));
  const ClaimQuota in = selector(
      R"({"scopeName":"VolumeAttributesClass","operator":"In","values":["silver","gold"]})");
  BOOST_TEST(QuotaSelects(in, silver));
  BOOST_TEST(!QuotaSelects(in, plain));
  const ClaimQuota not_in =
      selector(R"({"scopeName":"VolumeAttributesClass","operator":"NotIn","values":["silver"]})");
  BOOST_TEST(!QuotaSelects(not_in, silver));
  BOOST_TEST(QuotaSelects(not_in, plain));
  const ClaimQuota priority =
      selector(R"({"scopeName":"PriorityClass","operator":"In","values":["high"]})");
  BOOST_TEST(!QuotaSelects(priority, plain));
}

BOOST_AUTO_TEST_CASE(a_modification_under_way_names_both_classes) {
  const Claim moving = ClaimFromObject(json::Parse(
      R"({"metadata":{"name":"c","uid":"u"},"spec":{"volumeAttributesClassName":"gold",)"
      R"("resources":{"requests":{"storage":"1Gi"}}},"status":{"currentVolumeAttributesClassName":)"
      R"("silver","modifyVolumeStatus":{"targetVolumeAttributesClassName":"gold"}}})"));
  BOOST_TEST((moving.attributes_classes == std::vector<std::string>{"gold", "silver"}));
  const ClaimQuota not_gold = ClaimQuotaFromObject(json::Parse(
      R"({"metadata":{"name":"q","uid":"q"},"spec":{"scopeSelector":{"matchExpressions":[)"
      R"({"scopeName":"VolumeAttributesClass","operator":"NotIn","values":["gold"]}]}}})"));
  BOOST_TEST(QuotaSelects(not_gold, moving));  // silver is not gold: one match suffices
}

BOOST_AUTO_TEST_CASE(a_malformed_status_size_is_the_claims_error) {
  BOOST_CHECK_THROW(ClaimWith(R"({"capacity":{"storage":"big"}})"), ClaimError);
  BOOST_CHECK_THROW(ClaimWith(R"({"allocatedResources":{"storage":true}})"), ClaimError);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::pvc
