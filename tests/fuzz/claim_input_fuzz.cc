// libFuzzer target for --from-file input: the input is the file's text, parsed by
// cli::ParseClaimInput (JSON or YAML, one or more documents, lists flattened), then
// handled as `kubectl pvcwatch --from-file` handles it: printed as kubectl's table,
// counted by pvc::Ledger, summarised, and printed as -o json|yaml. Every failure must be
// one std::runtime_error naming the input; whatever parses must be claims only.

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

#include "cli/claim_input.h"
#include "invariants.h"
#include "json/encode.h"
#include "print/claim_table.h"
#include "print/managed_fields.h"
#include "print/summary.h"
#include "print/yaml_printer.h"
#include "pvc/ledger.h"
#include "quantity/quantity.h"

namespace {

using pvcwatch::Quantity;
using pvcwatch::fuzz::Check;
using pvcwatch::fuzz::kNow;
using pvcwatch::fuzz::StartsWith;
namespace cli = pvcwatch::cli;
namespace json = pvcwatch::json;
namespace print = pvcwatch::print;
namespace pvc = pvcwatch::pvc;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<json::Value> items;
  try {
    items = cli::ParseClaimInput(input, "claims.yaml");
  } catch (const std::runtime_error& e) {
    Check(StartsWith(e.what(), "claims.yaml: "), "an error that does not name the input");
    return 0;
  }
  for (const json::Value& item : items) {
    Check(item.IsObject() && item["kind"].AsString() == "PersistentVolumeClaim",
          "a parsed object that is not a PersistentVolumeClaim");
  }

  // What run.cc does with the objects: the table as the page arrives, then the ledger.
  std::ostringstream out;
  print::ClaimTable table(out, print::TableOptions{true, true, false, true}, kNow);
  table.PrintPage(items, json::Value());
  table.Flush();
  pvc::Ledger ledger(nullptr, [](const std::string& warning) {
    Check(StartsWith(warning, "skipping "), "warning without its prefix");
  });
  ledger.BeginReplace();
  ledger.ReplacePage(items);
  ledger.EndReplace("");
  Quantity by_namespace, by_class;
  for (const auto& [name, subtotal] : ledger.namespace_totals()) by_namespace.Add(subtotal);
  for (const auto& [name, subtotal] : ledger.class_totals()) by_class.Add(subtotal);
  Check(by_namespace.Cmp(ledger.total()) == 0, "namespace subtotals do not add up");
  Check(by_class.Cmp(ledger.total()) == 0, "storage class subtotals do not add up");

  static const Quantity kMax = Quantity::Parse("200Gi");
  print::PrintSummary(ledger, kMax, true, false, out);
  for (json::Value& item : items) print::StripManagedFields(item);
  json::Value document = print::SummaryDocument(ledger, kMax, true, std::move(items));
  // The printers refuse what kubectl refuses with std::invalid_argument.
  try {
    json::PrintJson(document, out);
  } catch (const std::invalid_argument&) {
  }
  try {
    print::PrintYaml(document, out);
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
