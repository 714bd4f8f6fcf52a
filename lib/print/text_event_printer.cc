#include "print/text_event_printer.h"

#include <ostream>

#include "print/percent.h"
#include "print/terminal_escape.h"

namespace pvcwatch::print {

void TextEventPrinter::Line(const std::string& text) {
  out_ << Timestamp() << text << "\n";
  out_.flush();
}

void TextEventPrinter::PrintChange(const pvc::Change& change, const json::Value&, const Standing&) {
  const pvc::Claim& claim = change.claim;
  const std::string size = claim.request ? claim.request->String() : "0";
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
  if (crossing == pvc::Threshold::Crossing::kNone) return;
  const bool over = crossing == pvc::Threshold::Crossing::kOverage;
  Line(std::string(over ? "Claim overage reached" : "Claim usage normal") + ": max " +
       s.max.String() + " at " + s.total.String());
  if (action) Line("*** Taking action ***");
}

void TextEventPrinter::PrintLimit(const std::string& source, const Standing& s) {
  Line("Max claims now " + s.max.String() + " (ResourceQuota " + EscapeLine(source) + ")");
}

void TextEventPrinter::PrintStanding(const Standing& s) {
  Line("At " + FormatPercent(s.percent) + "% claim capacity (" + s.total.String() + "/" +
       s.max.String() + ")");
}

}  // namespace pvcwatch::print
