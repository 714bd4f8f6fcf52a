// libFuzzer target for the list path: the input is a list response body, decoded by
// watch::DecodeListPage as RestListerWatcher::List does (or, when it starts with the
// Kubernetes protobuf magic "k8s\0", by pvc::DecodeClaimListProtobuf, and streamed in
// pages by pvc::StreamClaimListProtobuf, which must agree), then handled as `kubectl
// pvcwatch` handles a page: printed as kubectl's table (server Table or computed cells),
// counted by pvc::Ledger, summarised, and printed as -o json|yaml. The ledger's totals
// must agree with themselves, and listing the same page again must announce nothing.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "invariants.h"
#include "json/encode.h"
#include "print/claim_table.h"
#include "print/managed_fields.h"
#include "print/summary.h"
#include "print/yaml_printer.h"
#include "pvc/claim_protobuf.h"
#include "pvc/ledger.h"
#include "quantity/quantity.h"
#include "watch/list_decoder.h"

namespace {

using pvcwatch::Quantity;
using pvcwatch::fuzz::Check;
using pvcwatch::fuzz::kNow;
using pvcwatch::fuzz::StartsWith;
namespace json = pvcwatch::json;
namespace print = pvcwatch::print;
namespace pvc = pvcwatch::pvc;
namespace watch = pvcwatch::watch;

void PrintTables(const watch::ListPage& page) {
  std::ostringstream out;
  print::ClaimTable plain(out, print::TableOptions{}, kNow);
  plain.PrintPage(page.items, page.table);
  plain.Flush();
  print::ClaimTable everything(out, print::TableOptions{true, true, false, true}, kNow);
  everything.PrintPage(page.items, page.table);
  everything.Flush();
  everything.PrintPage(page.items, page.table);  // widths carried across flushes
  everything.Flush();
}

void CheckTotals(const pvc::Ledger& ledger) {
  Quantity by_namespace, by_class;
  for (const auto& [name, subtotal] : ledger.namespace_totals()) by_namespace.Add(subtotal);
  for (const auto& [name, subtotal] : ledger.class_totals()) by_class.Add(subtotal);
  Check(by_namespace.Cmp(ledger.total()) == 0, "namespace subtotals do not add up");
  Check(by_class.Cmp(ledger.total()) == 0, "storage class subtotals do not add up");
}

void PrintMachine(const pvc::Ledger& ledger, std::vector<json::Value> items) {
  static const Quantity kMax = Quantity::Parse("200Gi");
  for (json::Value& item : items) print::StripManagedFields(item);
  json::Value document = print::SummaryDocument(ledger, kMax, true, std::move(items));
  std::ostringstream out;
  // The printers refuse what kubectl refuses (a number beyond float64, a control
  // character in YAML) with std::invalid_argument; main reports it as an error.
  try {
    json::PrintJson(document, out);
  } catch (const std::invalid_argument&) {
  }
  try {
    json::PrintCompactJson(document, out);
  } catch (const std::invalid_argument&) {
  }
  try {
    print::PrintYaml(document, out);
  } catch (const std::invalid_argument&) {
  }
  print::PrintSummary(ledger, kMax, true, true, out);
}

// The protobuf list, whole and streamed in pages of two: the same items or the same error.
bool DecodeProtobuf(std::string_view input, watch::ListPage& page) {
  std::string whole_error, streamed_error;
  try {
    page = pvc::DecodeClaimListProtobuf(input);
  } catch (const watch::DecodeError& e) {
    whole_error = e.what();
    Check(StartsWith(e.what(), "malformed protobuf list response: "),
          "DecodeError without its prefix");
  }
  std::vector<json::Value> streamed;
  pvcwatch::rest::MemoryBody body(input);
  try {
    pvc::StreamClaimListProtobuf(body, 2, [&](watch::ListPage& part) {
      Check(part.items.size() <= 2, "a streamed page over its size");
      for (json::Value& item : part.items) streamed.push_back(std::move(item));
    });
  } catch (const watch::DecodeError& e) {
    streamed_error = e.what();
  }
  Check(whole_error == streamed_error, "streamed and whole decoding disagree on an error");
  Check(!whole_error.empty() || streamed == page.items, "streamed and whole items differ");
  return whole_error.empty();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  watch::ListPage page;
  if (input.substr(0, 4) == std::string_view("k8s\0", 4)) {
    if (!DecodeProtobuf(input, page)) return 0;
  } else {
    try {
      page = watch::DecodeListPage(std::string(input));
    } catch (const watch::DecodeError& e) {
      Check(StartsWith(e.what(), "malformed list response: ") ||
                StartsWith(e.what(), "malformed table response: "),
            "DecodeError without its prefix");
      return 0;
    }
  }
  Check(page.table.IsNull() || page.table.IsObject(), "table is neither null nor an object");
  PrintTables(page);

  size_t announced = 0;
  pvc::Ledger ledger([&](const pvc::Change&) { ++announced; },
                     [](const std::string& warning) {
                       Check(StartsWith(warning, "skipping "), "warning without its prefix");
                     });
  for (int pass = 0; pass < 2; ++pass) {
    ledger.BeginReplace();
    ledger.ReplacePage(page.items);
    ledger.EndReplace(page.resource_version);
    CheckTotals(ledger);
    Check(ledger.size() <= page.items.size(), "more claims counted than listed");
  }
  Check(announced == 0, "listing the same page again announced changes");
  PrintMachine(ledger, std::move(page.items));
  return 0;
}
