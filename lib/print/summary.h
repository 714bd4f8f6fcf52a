#pragma once

#include <iosfwd>
#include <vector>

#include "json/value.h"
#include "pvc/budgets.h"
#include "pvc/ledger.h"
#include "quantity/quantity.h"

namespace pvcwatch::print {

/// What the claims are measured against: a fixed --max-claims (null without one) and
/// the quotas' budgets (null unless --max-claims quota).
struct Limits {
  const Quantity* max = nullptr;
  const pvc::Budgets* budgets = nullptr;
};

/// What kubectl never says, after the table: the claimed total against --max-claims,
/// with subtotals per namespace (`by_namespace`, for -A) and per storage class (when
/// more than one is present), the quota budgets' table, and the basis of the total when
/// it is not the requests. `tty` draws a usage bar.
void PrintSummary(const pvc::Ledger& ledger, const Limits& limits, bool by_namespace, bool tty,
                  std::ostream& out);
void PrintSummary(const pvc::Ledger& ledger, const Quantity& max, bool by_namespace, bool tty,
                  std::ostream& out);

/// The -o json|yaml document of --once: total, count (the basis), maxClaims and percent
/// (with a fixed limit), overage (any limit over), claims, items (as the server sent
/// them), the subtotals, and budgets (with quotas).
json::Value SummaryDocument(const pvc::Ledger& ledger, const Limits& limits, bool by_namespace,
                            std::vector<json::Value> items);
json::Value SummaryDocument(const pvc::Ledger& ledger, const Quantity& max, bool by_namespace,
                            std::vector<json::Value> items);

/// True when the total is over the fixed limit or a budget is over its quota's.
bool AnyOver(const pvc::Ledger& ledger, const Limits& limits);

}  // namespace pvcwatch::print
