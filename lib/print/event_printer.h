#pragma once

#include <functional>
#include <iosfwd>
#include <string>

#include "json/value.h"
#include "print/percent.h"
#include "pvc/ledger.h"
#include "pvc/threshold.h"
#include "quantity/quantity.h"

namespace pvcwatch::print {

enum class EventFormat { kText, kJson, kYaml };

/// The running totals an event is reported with.
struct Standing {
  const Quantity& total;
  const Quantity& max;
  double percent;
};

/// Prints watch events: log lines in the original pvcwatch's words, timestamped as Go's
/// log package does ("2006/01/02 15:04:05 "), or one JSON object per line, or YAML
/// documents separated by "---".
class EventPrinter {
 public:
  /// `timestamp` gives the prefix for text lines (a fake in tests).
  EventPrinter(std::ostream& out, std::ostream& err, EventFormat format, bool show_namespace,
               std::function<std::string()> timestamp);

  /// A claim added, resized or removed; `object` is the claim as the server sent it.
  void PrintChange(const pvc::Change& change, const json::Value& object, const Standing& s);
  /// A crossing of --max-claims; `action` says whether --exec runs for it.
  void PrintCrossing(pvc::Threshold::Crossing crossing, const Standing& s, bool action);
  /// The limit changed (--max-claims quota): "Max claims now 300Gi (ResourceQuota q)".
  void PrintLimit(const std::string& source, const Standing& s);
  /// "At 112.5% claim capacity (225Gi/200Gi)", after each change (text only).
  void PrintStanding(const Standing& s);
  /// A line about the watch itself (a skipped object, a failed action), on stderr so
  /// machine output on stdout stays clean.
  void PrintNotice(const std::string& text);

 private:
  void Emit(const json::Value& document);
  std::string ClaimName(const pvc::Claim& claim) const;

  std::ostream& out_;
  std::ostream& err_;
  EventFormat format_;
  bool show_namespace_;
  std::function<std::string()> timestamp_;
};

/// Go's log timestamp of the local time now: "2006/01/02 15:04:05 ".
std::string LogTimestamp();

}  // namespace pvcwatch::print
