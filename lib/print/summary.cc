#include "print/summary.h"

#include <ostream>

#include "print/budget_table.h"
#include "print/percent.h"
#include "print/tab_writer.h"
#include "print/terminal_escape.h"
#include "pvc/threshold.h"

namespace pvcwatch::print {
namespace {

constexpr int kBarWidth = 30;

std::string ClassName(const std::string& storage_class) {
  return storage_class.empty() ? "<none>" : storage_class;
}

// Subtotals worth showing: every namespace with -A, classes only when they differ.
bool ShowClasses(const pvc::Ledger& ledger) { return ledger.class_totals().size() > 1; }

void PrintSubtotals(const std::string& heading, const std::map<std::string, Quantity>& totals,
                    bool classes, std::ostream& out) {
  TabWriter writer(out);
  writer.Write(heading + "\tCLAIMED\n");
  for (const auto& [key, total] : totals) {
    writer.Write(FormatCell(classes ? ClassName(key) : key) + "\t" + total.String() + "\n");
  }
  writer.Flush();
}

std::string Bar(double percent) {
  // Clamped while still a double: a hostile total (1e80 bytes) or a zero maximum (NaN)
  // is out of int's range, where the conversion is undefined.
  const double cells = percent / 100.0 * kBarWidth + 0.5;
  const int filled = !(cells > 0) ? 0 : cells >= kBarWidth ? kBarWidth : static_cast<int>(cells);
  std::string bar = "[";
  for (int i = 0; i < kBarWidth; ++i) bar += i < filled ? "\u2588" : "\u2591";
  return bar + "]";
}

json::Value Totals(const std::map<std::string, Quantity>& totals, bool classes) {
  json::Value object = json::Value::MakeObject();
  for (const auto& [key, total] : totals) {
    object.Set(classes ? ClassName(key) : key, json::Value::String(total.String()));
  }
  return object;
}

// "Total claimed", naming the basis when it is not the requests (the original's).
std::string TotalHeading(const pvc::Ledger& ledger) {
  if (ledger.basis() == pvc::Basis::kRequests) return "Total claimed";
  return "Total claimed (" + std::string(pvc::BasisName(ledger.basis())) + " basis)";
}

}  // namespace

bool AnyOver(const pvc::Ledger& ledger, const Limits& limits) {
  return (limits.max != nullptr && pvc::IsOver(ledger.total(), *limits.max)) ||
         (limits.budgets != nullptr && limits.budgets->AnyOver());
}

void PrintSummary(const pvc::Ledger& ledger, const Quantity& max, bool by_namespace, bool tty,
                  std::ostream& out) {
  PrintSummary(ledger, Limits{&max, nullptr}, by_namespace, tty, out);
}

json::Value SummaryDocument(const pvc::Ledger& ledger, const Quantity& max, bool by_namespace,
                            std::vector<json::Value> items) {
  return SummaryDocument(ledger, Limits{&max, nullptr}, by_namespace, std::move(items));
}

void PrintSummary(const pvc::Ledger& ledger, const Limits& limits, bool by_namespace, bool tty,
                  std::ostream& out) {
  const Quantity& total = ledger.total();
  out << "\n";
  if (by_namespace && !ledger.namespace_totals().empty()) {
    PrintSubtotals("NAMESPACE", ledger.namespace_totals(), false, out);
    out << "\n";
  }
  if (ShowClasses(ledger)) {
    PrintSubtotals("STORAGECLASS", ledger.class_totals(), true, out);
    out << "\n";
  }
  if (limits.budgets != nullptr && !limits.budgets->empty()) {
    PrintBudgetTable(limits.budgets->List(), out);
    out << "\n";
  }
  std::string claims = std::to_string(ledger.size()) + (ledger.size() == 1 ? " claim" : " claims");
  if (limits.max == nullptr) {
    out << TotalHeading(ledger) << ": " << total.String() << " (" << claims << ")\n";
    return;
  }
  const Quantity& max = *limits.max;
  const double percent = pvc::UsagePercent(total, max);
  std::string over;
  if (pvc::IsOver(total, max)) {
    Quantity excess = total;
    excess.Sub(max);
    over = ", over by " + excess.String();
  }
  if (tty) {
    const std::string basis = ledger.basis() == pvc::Basis::kRequests
                                  ? ""
                                  : ", " + std::string(pvc::BasisName(ledger.basis())) + " basis";
    out << "Claimed " << Bar(percent) << " " << FormatPercent(percent) << "%  " << total.String()
        << " of max " << max.String() << " (" << claims << basis << over << ")\n";
  } else {
    out << TotalHeading(ledger) << ": " << total.String() << " of max " << max.String() << " ("
        << FormatPercent(percent) << "%, " << claims << over << ")\n";
  }
}

json::Value SummaryDocument(const pvc::Ledger& ledger, const Limits& limits, bool by_namespace,
                            std::vector<json::Value> items) {
  const Quantity& total = ledger.total();
  json::Value document;
  document.Set("apiVersion", json::Value::String("pvcwatch.kubectl.io/v1"));
  document.Set("kind", json::Value::String("ClaimSummary"));
  document.Set("total", json::Value::String(total.String()));
  document.Set("count", json::Value::String(std::string(pvc::BasisName(ledger.basis()))));
  if (limits.max != nullptr) {
    document.Set("maxClaims", json::Value::String(limits.max->String()));
    document.Set("percent", PercentNumber(pvc::UsagePercent(total, *limits.max)));
  }
  document.Set("overage", json::Value::Bool(AnyOver(ledger, limits)));
  if (limits.budgets != nullptr) {
    json::Value budgets = json::Value::MakeArray();
    for (const pvc::Budget* budget : limits.budgets->List()) {
      budgets.items().push_back(BudgetDocument(*budget));
    }
    document.Set("budgets", std::move(budgets));
  }
  document.Set("claims", json::Value::Number(std::to_string(ledger.size())));
  if (by_namespace) document.Set("namespaces", Totals(ledger.namespace_totals(), false));
  document.Set("storageClasses", Totals(ledger.class_totals(), true));
  document.Set("items", json::Value::MakeArray(std::move(items)));
  return document;
}

}  // namespace pvcwatch::print
