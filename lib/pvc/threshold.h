#pragma once

#include <optional>

#include "quantity/quantity.h"

namespace pvcwatch::pvc {

/// The budget's rule: over means strictly more than the limit (equal is still normal).
bool IsOver(const Quantity& total, const Quantity& max);

/// The warning tier's rule: strictly more than `percent` % of the limit, compared exactly.
bool IsPast(const Quantity& total, const Quantity& max, const Quantity& percent);

/// total / max in percent (approximate; the comparison is IsOver's, exact).
double UsagePercent(const Quantity& total, const Quantity& max);

/// Edge-triggered comparison of a total with its limit: a crossing is reported once when
/// the total goes over, once when it comes back, never while the state holds. With a
/// warning share (--warn-at), passing it below the limit is reported once too, and again
/// only after the total has fallen back under it.
class Threshold {
 public:
  enum class Crossing { kNone, kWarning, kOverage, kNormal };

  explicit Threshold(Quantity max, std::optional<Quantity> warn_percent = std::nullopt)
      : max_(std::move(max)), warn_percent_(std::move(warn_percent)) {}

  /// The crossing (if any) that `total` makes. The first call reports kOverage (or
  /// kWarning) when the starting total is already there, and nothing when it is not.
  Crossing Update(const Quantity& total);
  /// A new limit (the ResourceQuota changed); the next Update compares against it.
  void set_max(Quantity max) { max_ = std::move(max); }
  const Quantity& max() const { return max_; }
  bool over() const { return level_ == Level::kOver; }
  /// total / max in percent (approximate; exact comparison is Cmp).
  double Percent(const Quantity& total) const;

 private:
  enum class Level { kNormal, kWarning, kOver };
  Level LevelOf(const Quantity& total) const;

  Quantity max_;
  std::optional<Quantity> warn_percent_;
  bool known_ = false;
  Level level_ = Level::kNormal;
};

}  // namespace pvcwatch::pvc
