#pragma once

#include "print/object_printer.h"
#include "print/text_event_printer.h"

namespace pvcwatch::print {

/// The watch through one of kubectl's object printers, as `kubectl get -w -o name` (or
/// jsonpath, custom-columns; json and yaml with --output-watch-events) prints it: each
/// claim added, resized or removed goes through the printer on stdout (as its watch event
/// with `watch_events`). The totals, crossings and limits are log lines on stderr, so
/// stdout holds only what the printer writes. A printer error (a template that fails on an
/// object) is one notice on stderr, and the watch goes on.
class ObjectEventPrinter : public TotalsAsLinesPrinter {
 public:
  ObjectEventPrinter(ObjectPrinter& printer, bool watch_events, std::ostream& out,
                     std::ostream& err, bool show_namespace,
                     const std::function<std::string()>& timestamp)
      : TotalsAsLinesPrinter(err, err, show_namespace, timestamp),
        printer_(printer),
        watch_events_(watch_events),
        out_(out) {}

  void PrintChange(const pvc::Change& change, const json::Value& object,
                   const Standing& s) override;

 private:
  ObjectPrinter& printer_;
  bool watch_events_;
  std::ostream& out_;
};

}  // namespace pvcwatch::print
