#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "print/event_printer.h"

namespace pvcwatch::print {

enum class EventFormat { kText, kJson, kYaml };

/// The printer for `format`; `show_namespace` (-A) names claims namespace/name.
std::unique_ptr<EventPrinter> MakeEventPrinter(EventFormat format, std::ostream& out,
                                               std::ostream& err, bool show_namespace,
                                               std::function<std::string()> timestamp);

}  // namespace pvcwatch::print
