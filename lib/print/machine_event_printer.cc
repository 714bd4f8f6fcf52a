#include "print/machine_event_printer.h"

#include <ostream>
#include <utility>

#include "json/encode.h"
#include "print/budget_table.h"
#include "print/managed_fields.h"
#include "print/percent.h"
#include "print/yaml_printer.h"

namespace pvcwatch::print {
namespace {

// OVERAGE, WARNING, NORMAL: the crossing's name in capitals, as watch event types are.
std::string CrossingType(pvc::Threshold::Crossing crossing) {
  std::string type = CrossingName(crossing);
  for (char& c : type) c = static_cast<char>(c - 'a' + 'A');
  return type;
}

// Every event ends with the totals it leaves (members print sorted, as kubectl's JSON).
void AddTotals(json::Value& document, const Standing& s) {
  document.Set("total", json::Value::String(s.total.String()));
  if (s.max != nullptr) {
    document.Set("maxClaims", json::Value::String(s.max->String()));
    document.Set("percent", PercentNumber(s.percent));
  }
}

}  // namespace

json::Value CrossingDocument(pvc::Threshold::Crossing crossing, const Standing& s, bool action) {
  json::Value document;
  document.Set("type", json::Value::String(CrossingType(crossing)));
  document.Set("action", json::Value::Bool(action));
  AddTotals(document, s);
  return document;
}

json::Value BudgetEventDocument(const pvc::BudgetEvent& event, const Standing& s, bool action) {
  json::Value document;
  switch (event.kind) {
    case pvc::BudgetEvent::Kind::kLimit:
      document.Set("type", json::Value::String("MAXCLAIMS"));
      if (event.previous) {
        document.Set("previousLimit", json::Value::String(event.previous->String()));
      }
      break;
    case pvc::BudgetEvent::Kind::kRemoved:
      document.Set("type", json::Value::String("BUDGETREMOVED"));
      break;
    case pvc::BudgetEvent::Kind::kCrossing:
      document.Set("type", json::Value::String(CrossingType(event.crossing)));
      document.Set("action", json::Value::Bool(action));
      break;
  }
  document.Set("budget", BudgetDocument(event.budget));
  AddTotals(document, s);
  return document;
}

void MachineEventPrinter::Emit(const json::Value& document) {
  Write(document, out_);
  out_.flush();
}

void MachineEventPrinter::PrintChange(const pvc::Change& change, const json::Value& object,
                                      const Standing& s) {
  json::Value document;
  document.Set("type", json::Value::String(WatchEventType(change.kind)));
  json::Value shown = object;
  StripManagedFields(shown);
  document.Set("object", std::move(shown));
  document.Set("size", json::Value::String(change.claim.size ? change.claim.size->String() : "0"));
  if (change.previous) document.Set("previousSize", json::Value::String(change.previous->String()));
  AddTotals(document, s);
  Emit(document);
}

void MachineEventPrinter::PrintCrossing(pvc::Threshold::Crossing crossing, const Standing& s,
                                        bool action) {
  if (crossing == pvc::Threshold::Crossing::kNone) return;
  Emit(CrossingDocument(crossing, s, action));
}

void MachineEventPrinter::PrintBudget(const pvc::BudgetEvent& event, const Standing& s,
                                      bool action) {
  Emit(BudgetEventDocument(event, s, action));
}

void JsonEventPrinter::Write(const json::Value& document, std::ostream& out) {
  json::PrintCompactJson(document, out);
}

void YamlEventPrinter::Write(const json::Value& document, std::ostream& out) {
  out << "---\n";
  PrintYaml(document, out);
}

}  // namespace pvcwatch::print
