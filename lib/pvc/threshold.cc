#include "pvc/threshold.h"

namespace pvcwatch::pvc {

// As the original's total.Cmp(max) == 1.
bool IsOver(const Quantity& total, const Quantity& max) { return total.Cmp(max) > 0; }

bool IsPast(const Quantity& total, const Quantity& max, const Quantity& percent) {
  static const Quantity kHundred = Quantity::Parse("100");
  return Quantity::CmpProducts(total, kHundred, max, percent) > 0;
}

double UsagePercent(const Quantity& total, const Quantity& max) { return total.Ratio(max) * 100.0; }

Threshold::Level Threshold::LevelOf(const Quantity& total) const {
  if (IsOver(total, max_)) return Level::kOver;
  if (warn_percent_ && IsPast(total, max_, *warn_percent_)) return Level::kWarning;
  return Level::kNormal;
}

Threshold::Crossing Threshold::Update(const Quantity& total) {
  const Level level = LevelOf(total);
  const bool first = !known_;
  const Level before = first ? Level::kNormal : level_;
  known_ = true;
  level_ = level;
  if (level == before) return Crossing::kNone;
  if (level == Level::kOver) return Crossing::kOverage;
  if (before == Level::kOver) return Crossing::kNormal;  // back within the limit
  // Below the limit: the warning is announced on the way up; falling under it re-arms it.
  return level == Level::kWarning ? Crossing::kWarning : Crossing::kNone;
}

double Threshold::Percent(const Quantity& total) const { return UsagePercent(total, max_); }

}  // namespace pvcwatch::pvc
