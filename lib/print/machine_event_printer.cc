#include "print/machine_event_printer.h"

#include <ostream>
#include <utility>

#include "json/encode.h"
#include "print/managed_fields.h"
#include "print/percent.h"
#include "print/yaml_printer.h"

namespace pvcwatch::print {

// Every event ends with the totals it leaves (members print sorted, as kubectl's JSON).
void MachineEventPrinter::Emit(json::Value document, const Standing& s) {
  document.Set("total", json::Value::String(s.total.String()));
  document.Set("maxClaims", json::Value::String(s.max.String()));
  document.Set("percent", PercentNumber(s.percent));
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
  document.Set("size",
               json::Value::String(change.claim.request ? change.claim.request->String() : "0"));
  if (change.previous) document.Set("previousSize", json::Value::String(change.previous->String()));
  Emit(std::move(document), s);
}

void MachineEventPrinter::PrintCrossing(pvc::Threshold::Crossing crossing, const Standing& s,
                                        bool action) {
  if (crossing == pvc::Threshold::Crossing::kNone) return;
  json::Value document;
  document.Set("type", json::Value::String(
                           crossing == pvc::Threshold::Crossing::kOverage ? "OVERAGE" : "NORMAL"));
  document.Set("action", json::Value::Bool(action));
  Emit(std::move(document), s);
}

void MachineEventPrinter::PrintLimit(const std::string& source, const Standing& s) {
  json::Value document;
  document.Set("type", json::Value::String("MAXCLAIMS"));
  document.Set("source", json::Value::String("ResourceQuota/" + source));
  Emit(std::move(document), s);
}

void JsonEventPrinter::Write(const json::Value& document, std::ostream& out) {
  json::PrintCompactJson(document, out);
}

void YamlEventPrinter::Write(const json::Value& document, std::ostream& out) {
  out << "---\n";
  PrintYaml(document, out);
}

}  // namespace pvcwatch::print
