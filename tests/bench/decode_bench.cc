// Decode micro-benchmark for scripts/bench: claims per second through the plugin's list
// path (list decoder on 500-item pages, the claim view, the Quantity sum) against the raw
// speed of simdjson walking the same bytes. Prints one Markdown table.

#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "pvc/ledger.h"
#include "watch/list_decoder.h"

namespace {

// A page shaped like kube-apiserver's: managedFields, last-applied annotation, status.
std::string Page(int first, int count) {
  std::string page =
      R"({"kind":"PersistentVolumeClaimList","apiVersion":"v1","metadata":{"resourceVersion":"12345","continue":"x"},"items":[)";
  for (int i = first; i < first + count; ++i) {
    if (i > first) page += ",";
    std::string name = "claim-" + std::to_string(i);
    std::string size = std::to_string(1 + i % 100) + "Gi";
    page +=
        R"({"metadata":{"name":")" + name + R"(","namespace":"bench-)" + std::to_string(i % 10) +
        R"(","uid":"0f3c6a2e-8d1b-4b7a-9c1e-)" + std::to_string(100000000000 + i) +
        R"(","resourceVersion":")" + std::to_string(1000 + i) +
        R"(","creationTimestamp":"2026-11-26T17:19:42Z","labels":{"app":"app-)" +
        std::to_string(i % 17) +
        R"("},"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolumeClaim\",\"metadata\":{\"annotations\":{},\"name\":\")" +
        name +
        R"(\"},\"spec\":{\"accessModes\":[\"ReadWriteOnce\"],\"resources\":{\"requests\":{\"storage\":\")" +
        size +
        R"(\"}}}}\n"},"finalizers":["kubernetes.io/pvc-protection"],"managedFields":[{"manager":"kubectl-client-side-apply","operation":"Update","apiVersion":"v1","time":"2026-11-26T17:19:42Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:annotations":{".":{},"f:kubectl.kubernetes.io/last-applied-configuration":{}},"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:accessModes":{},"f:resources":{"f:requests":{".":{},"f:storage":{}}},"f:storageClassName":{},"f:volumeMode":{}}}}]},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":")" +
        size + R"("}},"storageClassName":"class-)" + std::to_string(i % 3) +
        R"(","volumeMode":"Filesystem"},"status":{"phase":"Pending"}})";
  }
  return page + "]}";
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main() {
  using namespace pvcwatch;
  constexpr int kClaims = 100000;
  constexpr int kPage = 500;
  std::vector<std::string> pages;
  size_t bytes = 0;
  for (int first = 0; first < kClaims; first += kPage) {
    pages.push_back(Page(first, kPage));
    bytes += pages.back().size();
  }

  // Raw: simdjson on-demand touching every item's storage request, nothing kept.
  auto start = std::chrono::steady_clock::now();
  simdjson::ondemand::parser parser;
  size_t seen = 0;
  for (const std::string& page : pages) {
    simdjson::padded_string padded(page);
    auto doc = parser.iterate(padded);
    for (auto item : doc["items"].get_array()) {
      std::string_view storage = item["spec"]["resources"]["requests"]["storage"].get_string();
      seen += !storage.empty();
    }
  }
  double raw = Seconds(start);

  // Ours: the same pages through the list decoder, the claim view and the ledger's sum.
  start = std::chrono::steady_clock::now();
  pvc::Ledger ledger(nullptr, nullptr);
  ledger.BeginReplace();
  for (std::string& page : pages) {
    watch::ListPage decoded = watch::DecodeListPage(std::move(page));
    ledger.ReplacePage(decoded.items);
  }
  ledger.EndReplace("12345");
  double ours = Seconds(start);

  double mb = bytes / 1e6;
  std::printf("| decode, %d claims, %.0f MB in pages of %d | time | claims/s | MB/s |\n", kClaims,
              mb, kPage);
  std::printf("|---|---|---|---|\n");
  std::printf("| simdjson on-demand walk (raw parse speed) | %.3f s | %.0f | %.0f |\n", raw,
              seen / raw, mb / raw);
  std::printf("| list decoder + claim view + Quantity sum | %.3f s | %.0f | %.0f |\n", ours,
              ledger.size() / ours, mb / ours);
  std::printf("\ntotal %s over %zu claims; the plugin's path runs at %.0f%% of raw parse speed\n",
              ledger.total().String().c_str(), ledger.size(), 100.0 * raw / ours);
  return seen == kClaims && ledger.size() == kClaims ? 0 : 1;
}
