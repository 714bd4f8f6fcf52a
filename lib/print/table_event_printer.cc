#include "print/table_event_printer.h"

#include <chrono>
#include <ostream>

namespace pvcwatch::print {

void TableEventPrinter::PrintChange(const pvc::Change& change, const json::Value& object,
                                    const Standing&) {
  table_.PrintEvent(WatchEventType(change.kind), object, std::chrono::system_clock::now());
  out_.flush();
}

}  // namespace pvcwatch::print
