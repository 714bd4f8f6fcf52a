#pragma once

#include "print/event_printer.h"

namespace pvcwatch::print {

/// Log lines in the original pvcwatch's words, timestamped as Go's log package does.
class TextEventPrinter : public EventPrinter {
 public:
  TextEventPrinter(std::ostream& out, std::ostream& err, bool show_namespace,
                   std::function<std::string()> timestamp)
      : EventPrinter(err, std::move(timestamp)), out_(out), show_namespace_(show_namespace) {}

  void PrintChange(const pvc::Change& change, const json::Value& object,
                   const Standing& s) override;
  void PrintCrossing(pvc::Threshold::Crossing crossing, const Standing& s, bool action) override;
  void PrintBudget(const pvc::BudgetEvent& event, const Standing& s, bool action) override;
  void PrintStanding(const Standing& s) override;

 private:
  void Line(const std::string& text);
  std::ostream& out_;
  bool show_namespace_;
};

/// A watch whose changes print some other way (a subclass's PrintChange), with the
/// crossings, limits and standing as TextEventPrinter's log lines on `lines_out`.
class TotalsAsLinesPrinter : public EventPrinter {
 public:
  TotalsAsLinesPrinter(std::ostream& lines_out, std::ostream& err, bool show_namespace,
                       const std::function<std::string()>& timestamp)
      : EventPrinter(err, timestamp), lines_(lines_out, err, show_namespace, timestamp) {}

  void PrintCrossing(pvc::Threshold::Crossing crossing, const Standing& s, bool action) override {
    lines_.PrintCrossing(crossing, s, action);
  }
  void PrintBudget(const pvc::BudgetEvent& event, const Standing& s, bool action) override {
    lines_.PrintBudget(event, s, action);
  }
  void PrintStanding(const Standing& s) override { lines_.PrintStanding(s); }

 private:
  TextEventPrinter lines_;
};

}  // namespace pvcwatch::print
