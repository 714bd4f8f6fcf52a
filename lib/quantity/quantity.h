#ifndef PVCWATCH_QUANTITY_QUANTITY_H_
#define PVCWATCH_QUANTITY_QUANTITY_H_

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "quantity/amount.h"

namespace pvcwatch {

/// How a Quantity prints, as in apimachinery: BinarySI "5Gi", DecimalSI "5G",
/// DecimalExponent "5e9".
enum class Format { BinarySI, DecimalSI, DecimalExponent };

/// "BinarySI", "DecimalSI" or "DecimalExponent", as apimachinery spells them.
std::string_view FormatName(Format format);

/// Thrown by Quantity::Parse; what() is one of apimachinery's three error texts, verbatim.
class QuantityError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A Kubernetes resource quantity ("10Gi", "500m", "1e3"), behaving value for value and
/// character for character as k8s.io/apimachinery/pkg/api/resource.Quantity: exact, never
/// overflowing, rounded up to nano (1e-9) at parse time. The default value is zero.
class Quantity {
 public:
  /// Parse rejects a DecimalSI/DecimalExponent value of magnitude >= 10^kParseLimitExponent
  /// with the "unable to parse numeric part" error, where upstream keeps it ("1e400000000").
  static constexpr int64_t kParseLimitExponent = 10000;

  /// Zero, DecimalSI.
  Quantity() = default;

  /// Parses text as apimachinery's ParseQuantity does (no surrounding whitespace).
  /// Throws QuantityError with the upstream message on bad syntax, an unknown suffix, or a
  /// numeric part that cannot be read (or, here only, is beyond kParseLimitExponent).
  static Quantity Parse(std::string_view text);

  /// The canonical form ("1536Mi", "1500m", "10e999"), or the parsed text verbatim where
  /// apimachinery caches it ("+1", "10.035M"). Add and Sub drop that cached text.
  std::string String() const;
  /// The format String() aims for; BinarySI falls back to DecimalSI as upstream does.
  Format format() const { return format_; }

  /// Adds y exactly. A zero receiver first takes y's format (apimachinery's rule).
  void Add(const Quantity& y);
  /// Subtracts y exactly. A zero receiver first takes y's format (apimachinery's rule).
  void Sub(const Quantity& y);
  /// -1, 0 or 1 as this is less than, equal to or greater than y, by exact value; the
  /// format and the cached text play no part.
  int Cmp(const Quantity& y) const;

  bool IsZero() const { return nano_.IsZero(); }
  /// -1, 0 or 1.
  int Sign() const { return nano_.Sign(); }

  /// The value rounded up, away from zero, to an integer (upstream's Value()). Saturates at
  /// INT64_MIN/INT64_MAX where upstream silently returns 0 or a wrapped value.
  int64_t Value() const;
  /// The value in thousandths, rounded up away from zero (upstream's MilliValue()), e.g.
  /// 1500 for "1.5"; saturates like Value().
  int64_t MilliValue() const;
  /// this / denominator as a double, for percentages: approximate (about 15 significant
  /// digits, at any magnitude); NaN when the denominator is zero.
  double Ratio(const Quantity& denominator) const;
  /// apimachinery's RoundUp(0): rounded up, away from zero, to a whole number (the quota
  /// evaluator's whole-byte charge); the format is kept, the cached text dropped if changed.
  Quantity RoundedUp() const;
  /// Compares a*b with c*d exactly (-1, 0, 1): "a share of a limit" without rounding.
  static int CmpProducts(const Quantity& a, const Quantity& b, const Quantity& c,
                         const Quantity& d);

 private:
  std::string CanonicalString() const;

  Amount nano_;  // the value in units of 1e-9; every quantity upstream holds is a multiple
  Format format_ = Format::DecimalSI;
  std::string cached_;  // the parsed text when String() echoes it, else empty
};

}  // namespace pvcwatch

#endif  // PVCWATCH_QUANTITY_QUANTITY_H_
