#include "print/event_printer.h"

#include <cstdio>
#include <ctime>
#include <ostream>

#include "json/encode.h"
#include "print/managed_fields.h"
#include "print/percent.h"
#include "print/terminal_escape.h"
#include "print/yaml_printer.h"

namespace pvcwatch::print {
namespace {

std::string TypeOf(pvc::Change::Kind kind) {
  switch (kind) {
    case pvc::Change::Kind::kAdded: return "ADDED";
    case pvc::Change::Kind::kResized: return "MODIFIED";
    case pvc::Change::Kind::kRemoved: return "DELETED";
  }
  return "";
}

}  // namespace

std::string LogTimestamp() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y/%m/%d %H:%M:%S ", &local);
  return buf;
}

EventPrinter::EventPrinter(std::ostream& out, std::ostream& err, EventFormat format, bool show_namespace,
                           std::function<std::string()> timestamp)
    : out_(out),
      err_(err),
      format_(format),
      show_namespace_(show_namespace),
      timestamp_(std::move(timestamp)) {}

std::string EventPrinter::ClaimName(const pvc::Claim& claim) const {
  return EscapeLine(show_namespace_ ? claim.namespace_name + "/" + claim.name : claim.name);
}

void EventPrinter::Emit(const json::Value& document) {
  if (format_ == EventFormat::kJson) {
    json::PrintCompactJson(document, out_);
  } else {
    out_ << "---\n";
    PrintYaml(document, out_);
  }
  out_.flush();
}

void EventPrinter::PrintChange(const pvc::Change& change, const json::Value& object,
                               const Standing& s) {
  const std::string size = change.claim.request ? change.claim.request->String() : "0";
  if (format_ == EventFormat::kText) {
    std::string line = "PVC " + ClaimName(change.claim);
    switch (change.kind) {
      case pvc::Change::Kind::kAdded:
        line += " added, claim size " + size;
        break;
      case pvc::Change::Kind::kResized:
        line += " resized from " + (change.previous ? change.previous->String() : "0") + " to " +
                size;
        break;
      case pvc::Change::Kind::kRemoved:
        line += " removed, size " + size;
        break;
    }
    out_ << timestamp_() << line << "\n";
    out_.flush();
    return;
  }
  json::Value document;
  document.Set("type", json::Value::String(TypeOf(change.kind)));
  json::Value shown = object;
  StripManagedFields(shown);
  document.Set("object", std::move(shown));
  document.Set("size", json::Value::String(size));
  if (change.previous) document.Set("previousSize", json::Value::String(change.previous->String()));
  document.Set("total", json::Value::String(s.total.String()));
  document.Set("maxClaims", json::Value::String(s.max.String()));
  document.Set("percent", PercentNumber(s.percent));
  Emit(document);
}

void EventPrinter::PrintCrossing(pvc::Threshold::Crossing crossing, const Standing& s,
                                 bool action) {
  if (crossing == pvc::Threshold::Crossing::kNone) return;
  const bool over = crossing == pvc::Threshold::Crossing::kOverage;
  if (format_ == EventFormat::kText) {
    out_ << timestamp_() << (over ? "Claim overage reached" : "Claim usage normal") << ": max "
         << s.max.String() << " at " << s.total.String() << "\n";
    if (action) out_ << timestamp_() << "*** Taking action ***\n";
    out_.flush();
    return;
  }
  json::Value document;
  document.Set("type", json::Value::String(over ? "OVERAGE" : "NORMAL"));
  document.Set("total", json::Value::String(s.total.String()));
  document.Set("maxClaims", json::Value::String(s.max.String()));
  document.Set("percent", PercentNumber(s.percent));
  document.Set("action", json::Value::Bool(action));
  Emit(document);
}

void EventPrinter::PrintLimit(const std::string& source, const Standing& s) {
  if (format_ == EventFormat::kText) {
    out_ << timestamp_() << "Max claims now " << s.max.String() << " (ResourceQuota "
         << EscapeLine(source) << ")\n";
    out_.flush();
    return;
  }
  json::Value document;
  document.Set("type", json::Value::String("MAXCLAIMS"));
  document.Set("source", json::Value::String("ResourceQuota/" + source));
  document.Set("total", json::Value::String(s.total.String()));
  document.Set("maxClaims", json::Value::String(s.max.String()));
  document.Set("percent", PercentNumber(s.percent));
  Emit(document);
}

void EventPrinter::PrintStanding(const Standing& s) {
  if (format_ != EventFormat::kText) return;  // machine events carry the totals
  out_ << timestamp_() << "At " << FormatPercent(s.percent) << "% claim capacity ("
       << s.total.String() << "/" << s.max.String() << ")\n";
  out_.flush();
}

void EventPrinter::PrintNotice(const std::string& text) {
  err_ << timestamp_() << EscapeLine(text) << "\n";
  err_.flush();
}

}  // namespace pvcwatch::print
