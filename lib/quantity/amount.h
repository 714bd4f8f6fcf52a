#ifndef PVCWATCH_QUANTITY_AMOUNT_H_
#define PVCWATCH_QUANTITY_AMOUNT_H_

#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace pvcwatch {

/// An exact signed integer of any size: a 128-bit value held inline, with an
/// arbitrary-precision fallback for results outside that range. Never overflows.
/// Quantity keeps its value in one, as a count of nano-units.
class Amount {
 public:
  /// Zero.
  Amount() = default;
  explicit Amount(int64_t value);

  /// Parses a non-empty run of ASCII decimal digits (no sign); leading zeros are allowed.
  static Amount FromDigits(std::string_view digits);
  /// 10^exponent, for exponent >= 0.
  static Amount PowerOfTen(int64_t exponent);

  /// -1, 0 or 1.
  int Sign() const;
  bool IsZero() const { return Sign() == 0; }
  /// The decimal digits of the absolute value, without sign or leading zeros ("0" for zero).
  std::string AbsDigits() const;
  /// The value, if it fits in an int64_t.
  std::optional<int64_t> ToInt64() const;
  /// The absolute value as mantissa * 2^exponent, the mantissa in [0.5, 1) (0 for zero),
  /// like std::frexp; the mantissa keeps the top 53 bits, truncated.
  double Frexp(int64_t* exponent) const;

  Amount operator-() const;
  friend Amount operator+(const Amount& a, const Amount& b);
  friend Amount operator-(const Amount& a, const Amount& b);
  friend Amount operator*(const Amount& a, const Amount& b);
  /// Sets *quotient to a / b rounded toward zero and *remainder to a - b * quotient (the
  /// sign of a). b must not be zero.
  static void DivMod(const Amount& a, const Amount& b, Amount* quotient, Amount* remainder);

  friend std::strong_ordering operator<=>(const Amount& a, const Amount& b);
  friend bool operator==(const Amount& a, const Amount& b);

 private:
  __extension__ using Int128 = __int128;
  struct Big;  // the arbitrary-precision representation, defined in amount.cc

  static Amount FromSmall(Int128 small);
  static Amount FromBig(Big big);
  Big ToBig() const;

  // Invariant: big_ is set exactly when the value does not fit in small_, so two equal
  // values always have the same representation.
  Int128 small_ = 0;
  std::shared_ptr<const Big> big_;
};

}  // namespace pvcwatch

#endif  // PVCWATCH_QUANTITY_AMOUNT_H_
