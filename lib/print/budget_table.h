#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "json/value.h"
#include "pvc/budgets.h"

namespace pvcwatch::print {

/// "ResourceQuota/NAME": where a budget's limit comes from, in tables and documents.
std::string BudgetSource(const pvc::Budget& budget);

/// "in team-a: max 100Gi at 120Gi (ResourceQuota/storage, requests.storage)": the part
/// of a budget's event line after what happened.
std::string BudgetLine(const pvc::Budget& budget);

/// A budget as documents show it: namespace, quota, resource (the quota key),
/// storageClass (when the key names one), used, limit, free (limit - used, negative when
/// over), percent, over.
json::Value BudgetDocument(const pvc::Budget& budget);

/// The budget table of the summary: NAMESPACE, CLASS (<all> for every class), RESOURCE,
/// USED, LIMIT, USE%, FREE (what one more claim may still take) and SOURCE, one row per
/// budget, over budgets marked in FREE.
void PrintBudgetTable(const std::vector<const pvc::Budget*>& budgets, std::ostream& out);

}  // namespace pvcwatch::print
