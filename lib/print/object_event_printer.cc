#include "print/object_event_printer.h"

#include <ostream>
#include <stdexcept>

namespace pvcwatch::print {

void ObjectEventPrinter::PrintChange(const pvc::Change& change, const json::Value& object,
                                     const Standing&) {
  try {
    if (watch_events_) {
      printer_.PrintEvent(WatchEventType(change.kind), object);
    } else {
      printer_.PrintObject(object);
    }
  } catch (const std::runtime_error& e) {
    // kubectl get -w ends on the first; a watch that keeps the total goes on.
    printer_.Flush();
    out_.flush();
    PrintNotice(std::string("error: ") + e.what());
  }
  printer_.Flush();
  out_.flush();
}

}  // namespace pvcwatch::print
