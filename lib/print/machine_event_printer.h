#pragma once

#include "print/event_printer.h"

namespace pvcwatch::print {

/// Watch events as documents (README, "Machine output"): what happened ("type"), the
/// claim as the server sent it without managedFields, and the totals. How a document is
/// written is the subclass's.
/// The documents themselves, as the stream prints them (and webhooks post them): a
/// crossing of --max-claims, and a quota budget's event, each with the totals it leaves.
json::Value CrossingDocument(pvc::Threshold::Crossing crossing, const Standing& s, bool action);
json::Value BudgetEventDocument(const pvc::BudgetEvent& event, const Standing& s, bool action);

class MachineEventPrinter : public EventPrinter {
 public:
  MachineEventPrinter(std::ostream& out, std::ostream& err, std::function<std::string()> timestamp)
      : EventPrinter(err, std::move(timestamp)), out_(out) {}

  void PrintChange(const pvc::Change& change, const json::Value& object,
                   const Standing& s) override;
  void PrintCrossing(pvc::Threshold::Crossing crossing, const Standing& s, bool action) override;
  void PrintBudget(const pvc::BudgetEvent& event, const Standing& s, bool action) override;

 protected:
  virtual void Write(const json::Value& document, std::ostream& out) = 0;

 private:
  void Emit(const json::Value& document);
  std::ostream& out_;
};

/// One compact JSON object per line (kubectl's -w -o json framing).
class JsonEventPrinter : public MachineEventPrinter {
 public:
  using MachineEventPrinter::MachineEventPrinter;

 protected:
  void Write(const json::Value& document, std::ostream& out) override;
};

/// YAML documents, each opened by "---".
class YamlEventPrinter : public MachineEventPrinter {
 public:
  using MachineEventPrinter::MachineEventPrinter;

 protected:
  void Write(const json::Value& document, std::ostream& out) override;
};

}  // namespace pvcwatch::print
