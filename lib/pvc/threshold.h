#pragma once

#include "quantity/quantity.h"

namespace pvcwatch::pvc {

/// The budget's rule: over means strictly more than the limit (equal is still normal).
bool IsOver(const Quantity& total, const Quantity& max);

/// total / max in percent (approximate; the comparison is IsOver's, exact).
double UsagePercent(const Quantity& total, const Quantity& max);

/// Edge-triggered comparison of the total with --max-claims: a crossing is reported
/// once when the total goes over, once when it comes back, never while the state holds.
class Threshold {
 public:
  enum class Crossing { kNone, kOverage, kNormal };

  explicit Threshold(Quantity max) : max_(std::move(max)) {}

  /// The crossing (if any) that `total` makes. The first call reports kOverage when
  /// the starting total is already over, and nothing when it is not.
  Crossing Update(const Quantity& total);
  /// A new limit (the ResourceQuota changed); the next Update compares against it.
  void set_max(Quantity max) { max_ = std::move(max); }
  const Quantity& max() const { return max_; }
  bool over() const { return over_; }
  /// total / max in percent (approximate; exact comparison is Cmp).
  double Percent(const Quantity& total) const;

 private:
  Quantity max_;
  bool known_ = false;
  bool over_ = false;
};

}  // namespace pvcwatch::pvc
