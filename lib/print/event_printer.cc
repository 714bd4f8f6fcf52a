#include "print/event_printer.h"

#include <ctime>
#include <ostream>

#include "print/budget_table.h"
#include "print/terminal_escape.h"

namespace pvcwatch::print {

void EventPrinter::PrintNotice(const std::string& text) {
  err_ << timestamp_() << EscapeLine(text) << "\n";
  err_.flush();
}

std::string CrossingSummary(pvc::Threshold::Crossing crossing, const Standing& s) {
  return std::string(CrossingText(crossing)) + ": max " + (s.max ? s.max->String() : "") + " at " +
         s.total.String();
}

std::string BudgetCrossingSummary(const pvc::Budget& budget, pvc::Threshold::Crossing crossing) {
  return std::string(CrossingText(crossing)) + " " + BudgetLine(budget);
}

const char* WatchEventType(pvc::Change::Kind kind) {
  switch (kind) {
    case pvc::Change::Kind::kAdded: return "ADDED";
    case pvc::Change::Kind::kResized: return "MODIFIED";
    case pvc::Change::Kind::kRemoved: return "DELETED";
  }
  return "";
}

const char* CrossingText(pvc::Threshold::Crossing crossing) {
  switch (crossing) {
    case pvc::Threshold::Crossing::kOverage: return "Claim overage reached";
    case pvc::Threshold::Crossing::kWarning: return "Claim usage warning";
    case pvc::Threshold::Crossing::kNormal: return "Claim usage normal";
    case pvc::Threshold::Crossing::kNone: break;
  }
  return "";
}

const char* CrossingName(pvc::Threshold::Crossing crossing) {
  switch (crossing) {
    case pvc::Threshold::Crossing::kOverage: return "overage";
    case pvc::Threshold::Crossing::kWarning: return "warning";
    case pvc::Threshold::Crossing::kNormal: return "normal";
    case pvc::Threshold::Crossing::kNone: break;
  }
  return "";
}

std::string LogTimestamp() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
#if defined(_WIN32)
  localtime_s(&local, &now);  // the same, arguments the other way round
#else
  localtime_r(&now, &local);
#endif
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y/%m/%d %H:%M:%S ", &local);
  return buf;
}

}  // namespace pvcwatch::print
