#pragma once

#include "print/claim_table.h"
#include "print/text_event_printer.h"

namespace pvcwatch::print {

/// The watch with --output-watch-events and the table: each claim added, resized or
/// removed is a row of the first list's table, its EVENT column saying which (as kubectl
/// get -w --output-watch-events prints it); the totals and crossings stay log lines.
class TableEventPrinter : public TotalsAsLinesPrinter {
 public:
  TableEventPrinter(ClaimTable& table, std::ostream& out, std::ostream& err, bool show_namespace,
                    const std::function<std::string()>& timestamp)
      : TotalsAsLinesPrinter(out, err, show_namespace, timestamp), table_(table), out_(out) {}

  void PrintChange(const pvc::Change& change, const json::Value& object,
                   const Standing& s) override;

 private:
  ClaimTable& table_;
  std::ostream& out_;
};

}  // namespace pvcwatch::print
