#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "json/value.h"
#include "pvc/budgets.h"
#include "pvc/ledger.h"
#include "pvc/threshold.h"
#include "quantity/quantity.h"

namespace pvcwatch::print {

/// The running totals an event is reported with; `max` is null without a fixed
/// --max-claims (only quotas budget the claims).
struct Standing {
  const Quantity& total;
  const Quantity* max;
  double percent;
};

/// Prints what the watch sees (as cli-runtime's ResourcePrinter, one implementation per
/// output): log lines in the original pvcwatch's words, or one JSON object per line, or
/// YAML documents separated by "---". Notices go to stderr in every format, so machine
/// output on stdout stays clean.
class EventPrinter {
 public:
  /// `timestamp` gives the prefix of log lines (a fake in tests).
  EventPrinter(std::ostream& err, std::function<std::string()> timestamp)
      : err_(err), timestamp_(std::move(timestamp)) {}
  virtual ~EventPrinter() = default;

  /// A claim added, resized or removed; `object` is the claim as the server sent it.
  virtual void PrintChange(const pvc::Change& change, const json::Value& object,
                           const Standing& s) = 0;
  /// A crossing of --max-claims; `action` says whether --exec runs for it.
  virtual void PrintCrossing(pvc::Threshold::Crossing crossing, const Standing& s, bool action) = 0;
  /// A quota budget's new limit, removal or crossing (--max-claims quota).
  virtual void PrintBudget(const pvc::BudgetEvent& event, const Standing& s, bool action) = 0;
  /// "At 112.5% claim capacity (225Gi/200Gi)" after each change; machine events carry
  /// the totals themselves.
  virtual void PrintStanding(const Standing&) {}
  /// A line about the watch itself (a skipped object, a failed action), on stderr.
  void PrintNotice(const std::string& text);

 protected:
  std::string Timestamp() const { return timestamp_(); }

 private:
  std::ostream& err_;
  std::function<std::string()> timestamp_;
};

/// The watch event type a change is reported as: ADDED, MODIFIED (a resize), DELETED.
const char* WatchEventType(pvc::Change::Kind kind);

/// How a crossing is named: "Claim overage reached", "Claim usage warning", "Claim
/// usage normal"; and in documents and PVCWATCH_EVENT: overage, warning, normal.
const char* CrossingText(pvc::Threshold::Crossing crossing);
const char* CrossingName(pvc::Threshold::Crossing crossing);

/// A crossing in words (unescaped), as the text output prints it: "Claim overage reached:
/// max 200Gi at 225Gi"; a budget's: "Claim overage reached " and the budget's line.
std::string CrossingSummary(pvc::Threshold::Crossing crossing, const Standing& s);
std::string BudgetCrossingSummary(const pvc::Budget& budget, pvc::Threshold::Crossing crossing);

/// Go's log timestamp of the local time now: "2006/01/02 15:04:05 ".
std::string LogTimestamp();

}  // namespace pvcwatch::print
