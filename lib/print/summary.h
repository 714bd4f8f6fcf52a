#pragma once

#include <iosfwd>
#include <vector>

#include "json/value.h"
#include "pvc/ledger.h"
#include "quantity/quantity.h"

namespace pvcwatch::print {

/// What kubectl never says, after the table: the claimed total against --max-claims,
/// with subtotals per namespace (`by_namespace`, for -A) and per storage class (when
/// more than one is present). `tty` draws a usage bar.
void PrintSummary(const pvc::Ledger& ledger, const Quantity& max, bool by_namespace, bool tty,
                  std::ostream& out);

/// The -o json|yaml document of --once: total, maxClaims, percent, overage, claims,
/// items (as the server sent them), and the subtotals.
json::Value SummaryDocument(const pvc::Ledger& ledger, const Quantity& max, bool by_namespace,
                            std::vector<json::Value> items);

}  // namespace pvcwatch::print
