#include "print/text_event_printer.h"

#include <ostream>

#include "print/budget_table.h"
#include "print/percent.h"
#include "print/terminal_escape.h"

namespace pvcwatch::print {

void TextEventPrinter::Line(const std::string& text) {
  out_ << Timestamp() << text << "\n";
  out_.flush();
}

void TextEventPrinter::PrintChange(const pvc::Change& change, const json::Value&, const Standing&) {
  const pvc::Claim& claim = change.claim;
  const std::string size = claim.size ? claim.size->String() : "0";
  std::string line =
      "PVC " + EscapeLine(show_namespace_ ? claim.namespace_name + "/" + claim.name : claim.name);
  switch (change.kind) {
    case pvc::Change::Kind::kAdded: line += " added, claim size " + size; break;
    case pvc::Change::Kind::kResized:
      line +=
          " resized from " + (change.previous ? change.previous->String() : "0") + " to " + size;
      break;
    case pvc::Change::Kind::kRemoved: line += " removed, size " + size; break;
  }
  Line(line);
}

void TextEventPrinter::PrintCrossing(pvc::Threshold::Crossing crossing, const Standing& s,
                                     bool action) {
  if (crossing == pvc::Threshold::Crossing::kNone || s.max == nullptr) return;
  Line(CrossingSummary(crossing, s));
  if (action) Line("*** Taking action ***");
}

void TextEventPrinter::PrintBudget(const pvc::BudgetEvent& event, const Standing&, bool action) {
  const pvc::Budget& budget = event.budget;
  switch (event.kind) {
    case pvc::BudgetEvent::Kind::kLimit:
      Line(EscapeLine("Max claims in " + budget.namespace_name + " now " +
                      budget.limit.hard.String() + " (" + BudgetSource(budget) + ", " +
                      budget.limit.key + ")"));
      return;
    case pvc::BudgetEvent::Kind::kRemoved:
      Line(EscapeLine(BudgetSource(budget) + " in " + budget.namespace_name + " no longer limits " +
                      budget.limit.key));
      return;
    case pvc::BudgetEvent::Kind::kCrossing:
      Line(EscapeLine(BudgetCrossingSummary(budget, event.crossing)));
      if (action) Line("*** Taking action ***");
      return;
  }
}

void TextEventPrinter::PrintStanding(const Standing& s) {
  if (s.max == nullptr) return;
  Line("At " + FormatPercent(s.percent) + "% claim capacity (" + s.total.String() + "/" +
       s.max->String() + ")");
}

}  // namespace pvcwatch::print
