#include "print/make_event_printer.h"

#include "print/machine_event_printer.h"
#include "print/text_event_printer.h"

namespace pvcwatch::print {

std::unique_ptr<EventPrinter> MakeEventPrinter(EventFormat format, std::ostream& out,
                                               std::ostream& err, bool show_namespace,
                                               std::function<std::string()> timestamp) {
  switch (format) {
    case EventFormat::kJson:
      return std::make_unique<JsonEventPrinter>(out, err, std::move(timestamp));
    case EventFormat::kYaml:
      return std::make_unique<YamlEventPrinter>(out, err, std::move(timestamp));
    case EventFormat::kText: break;
  }
  return std::make_unique<TextEventPrinter>(out, err, show_namespace, std::move(timestamp));
}

}  // namespace pvcwatch::print
