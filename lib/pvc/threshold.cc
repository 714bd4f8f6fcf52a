#include "pvc/threshold.h"

namespace pvcwatch::pvc {

// As the original's total.Cmp(max) == 1.
bool IsOver(const Quantity& total, const Quantity& max) { return total.Cmp(max) > 0; }

double UsagePercent(const Quantity& total, const Quantity& max) { return total.Ratio(max) * 100.0; }

Threshold::Crossing Threshold::Update(const Quantity& total) {
  const bool over = IsOver(total, max_);
  bool first = !known_;
  known_ = true;
  if (over == over_ && !first) return Crossing::kNone;
  over_ = over;
  if (first) return over ? Crossing::kOverage : Crossing::kNone;
  return over ? Crossing::kOverage : Crossing::kNormal;
}

double Threshold::Percent(const Quantity& total) const { return UsagePercent(total, max_); }

}  // namespace pvcwatch::pvc
