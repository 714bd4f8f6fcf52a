#include "print/summary.h"

#include <ostream>

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

}  // namespace

void PrintSummary(const pvc::Ledger& ledger, const Quantity& max, bool by_namespace, bool tty,
                  std::ostream& out) {
  const Quantity& total = ledger.total();
  const double percent = pvc::UsagePercent(total, max);
  out << "\n";
  if (by_namespace && !ledger.namespace_totals().empty()) {
    PrintSubtotals("NAMESPACE", ledger.namespace_totals(), false, out);
    out << "\n";
  }
  if (ShowClasses(ledger)) {
    PrintSubtotals("STORAGECLASS", ledger.class_totals(), true, out);
    out << "\n";
  }
  std::string over;
  if (pvc::IsOver(total, max)) {
    Quantity excess = total;
    excess.Sub(max);
    over = ", over by " + excess.String();
  }
  std::string claims = std::to_string(ledger.size()) + (ledger.size() == 1 ? " claim" : " claims");
  if (tty) {
    out << "Claimed " << Bar(percent) << " " << FormatPercent(percent) << "%  " << total.String()
        << " of max " << max.String() << " (" << claims << over << ")\n";
  } else {
    out << "Total claimed: " << total.String() << " of max " << max.String() << " ("
        << FormatPercent(percent) << "%, " << claims << over << ")\n";
  }
}

json::Value SummaryDocument(const pvc::Ledger& ledger, const Quantity& max, bool by_namespace,
                            std::vector<json::Value> items) {
  const Quantity& total = ledger.total();
  json::Value document;
  document.Set("apiVersion", json::Value::String("pvcwatch.kubectl.io/v1"));
  document.Set("kind", json::Value::String("ClaimSummary"));
  document.Set("total", json::Value::String(total.String()));
  document.Set("maxClaims", json::Value::String(max.String()));
  document.Set("percent", PercentNumber(pvc::UsagePercent(total, max)));
  document.Set("overage", json::Value::Bool(pvc::IsOver(total, max)));
  document.Set("claims", json::Value::Number(std::to_string(ledger.size())));
  if (by_namespace) document.Set("namespaces", Totals(ledger.namespace_totals(), false));
  document.Set("storageClasses", Totals(ledger.class_totals(), true));
  document.Set("items", json::Value::MakeArray(std::move(items)));
  return document;
}

}  // namespace pvcwatch::print
