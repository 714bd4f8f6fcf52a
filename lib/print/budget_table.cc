#include "print/budget_table.h"

#include <ostream>

#include "print/percent.h"
#include "print/tab_writer.h"
#include "print/terminal_escape.h"
#include "pvc/threshold.h"

namespace pvcwatch::print {
namespace {

std::string ResourceName(const pvc::Budget& budget) {
  return budget.limit.resource.kind == pvc::ClaimResource::Kind::kCount ? "persistentvolumeclaims"
                                                                        : "requests.storage";
}

Quantity Free(const pvc::Budget& budget) {
  Quantity free = budget.limit.hard;
  free.Sub(budget.used);
  return free;
}

}  // namespace

std::string BudgetSource(const pvc::Budget& budget) { return "ResourceQuota/" + budget.quota_name; }

std::string BudgetLine(const pvc::Budget& budget) {
  return "in " + budget.namespace_name + ": max " + budget.limit.hard.String() + " at " +
         budget.used.String() + " (" + BudgetSource(budget) + ", " + budget.limit.key + ")";
}

json::Value BudgetDocument(const pvc::Budget& budget) {
  json::Value document;
  document.Set("namespace", json::Value::String(budget.namespace_name));
  document.Set("quota", json::Value::String(budget.quota_name));
  document.Set("resource", json::Value::String(budget.limit.key));
  if (!budget.limit.resource.storage_class.empty()) {
    document.Set("storageClass", json::Value::String(budget.limit.resource.storage_class));
  }
  document.Set("used", json::Value::String(budget.used.String()));
  document.Set("limit", json::Value::String(budget.limit.hard.String()));
  document.Set("free", json::Value::String(Free(budget).String()));
  document.Set("percent", PercentNumber(pvc::UsagePercent(budget.used, budget.limit.hard)));
  document.Set("over", json::Value::Bool(pvc::IsOver(budget.used, budget.limit.hard)));
  return document;
}

void PrintBudgetTable(const std::vector<const pvc::Budget*>& budgets, std::ostream& out) {
  TabWriter writer(out);
  writer.Write("NAMESPACE\tCLASS\tRESOURCE\tUSED\tLIMIT\tUSE%\tFREE\tSOURCE\n");
  for (const pvc::Budget* budget : budgets) {
    const std::string& storage_class = budget->limit.resource.storage_class;
    const bool over = pvc::IsOver(budget->used, budget->limit.hard);
    writer.Write(FormatCell(budget->namespace_name) + "\t" +
                 (storage_class.empty() ? "<all>" : FormatCell(storage_class)) + "\t" +
                 ResourceName(*budget) + "\t" + budget->used.String() + "\t" +
                 budget->limit.hard.String() + "\t" +
                 FormatPercent(pvc::UsagePercent(budget->used, budget->limit.hard)) + "%\t" +
                 (over ? "0 (over)" : Free(*budget).String()) + "\t" +
                 FormatCell(BudgetSource(*budget)) + "\n");
  }
  writer.Flush();
}

}  // namespace pvcwatch::print
