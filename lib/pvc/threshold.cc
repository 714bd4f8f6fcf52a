#include "pvc/threshold.h"

namespace pvcwatch::pvc {

Threshold::Crossing Threshold::Update(const Quantity& total) {
  // Over means strictly greater, as the original's total.Cmp(max) == 1.
  bool over = total.Cmp(max_) > 0;
  bool first = !known_;
  known_ = true;
  if (over == over_ && !first) return Crossing::kNone;
  over_ = over;
  if (first) return over ? Crossing::kOverage : Crossing::kNone;
  return over ? Crossing::kOverage : Crossing::kNormal;
}

double Threshold::Percent(const Quantity& total) const { return total.Ratio(max_) * 100.0; }

}  // namespace pvcwatch::pvc
