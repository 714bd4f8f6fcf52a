#include "quantity/amount.h"

#include <boost/multiprecision/cpp_int.hpp>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace pvcwatch {

using boost::multiprecision::cpp_int;

struct Amount::Big {
  cpp_int value;
};

namespace {

// std::numeric_limits is not specialised for __int128 in strict ISO mode.
__extension__ using Uint128 = unsigned __int128;
__extension__ using Int128 = __int128;
constexpr Int128 kInt128Max = static_cast<Int128>(~Uint128{0} >> 1);
constexpr Int128 kInt128Min = -kInt128Max - 1;

// 10^38 - 1 is the largest all-nines number below 2^127.
constexpr size_t kMaxSmallDigits = 38;
constexpr int kChunkDigits = 19;  // 10^19 < 2^64

const cpp_int& BigInt128Max() {
  static const cpp_int value(kInt128Max);
  return value;
}

const cpp_int& BigInt128Min() {
  static const cpp_int value(kInt128Min);
  return value;
}

Uint128 Magnitude(Int128 value) {
  // Negating in unsigned arithmetic is defined for the minimum value too.
  return value < 0 ? Uint128{0} - static_cast<Uint128>(value) : static_cast<Uint128>(value);
}

int BitLength(Uint128 value) {
  int bits = 0;
  while (value != 0) {
    ++bits;
    value >>= 1;
  }
  return bits;
}

uint64_t ChunkValue(std::string_view digits) {
  uint64_t value = 0;
  for (char c : digits) value = value * 10 + static_cast<uint64_t>(c - '0');
  return value;
}

}  // namespace

Amount::Amount(int64_t value) : small_(value) {}

Amount Amount::FromSmall(Int128 small) {
  Amount amount;
  amount.small_ = small;
  return amount;
}

Amount Amount::FromBig(Big big) {
  if (big.value >= BigInt128Min() && big.value <= BigInt128Max()) {
    return FromSmall(static_cast<Int128>(big.value));
  }
  Amount amount;
  amount.big_ = std::make_shared<const Big>(std::move(big));
  return amount;
}

Amount::Big Amount::ToBig() const { return big_ ? *big_ : Big{cpp_int(small_)}; }

Amount Amount::FromDigits(std::string_view digits) {
  if (digits.size() <= kMaxSmallDigits) {
    Int128 value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return FromSmall(value);
  }
  // Chunks of 19 digits; cpp_int's own string constructor would read a leading 0 as octal.
  cpp_int value = 0;
  size_t head = digits.size() % kChunkDigits;
  if (head != 0) value = ChunkValue(digits.substr(0, head));
  static const cpp_int kChunkBase = boost::multiprecision::pow(cpp_int(10), kChunkDigits);
  for (size_t i = head; i < digits.size(); i += kChunkDigits) {
    value *= kChunkBase;
    value += ChunkValue(digits.substr(i, kChunkDigits));
  }
  return FromBig(Big{std::move(value)});
}

Amount Amount::PowerOfTen(int64_t exponent) {
  if (exponent < 0) throw std::domain_error("Amount::PowerOfTen: negative exponent");
  if (static_cast<size_t>(exponent) <= kMaxSmallDigits) {
    Int128 value = 1;
    for (int64_t i = 0; i < exponent; ++i) value *= 10;
    return FromSmall(value);
  }
  return FromBig(Big{boost::multiprecision::pow(cpp_int(10), static_cast<unsigned>(exponent))});
}

int Amount::Sign() const {
  if (big_) return big_->value.sign();
  return (small_ > 0) - (small_ < 0);
}

std::string Amount::AbsDigits() const {
  if (big_) return cpp_int(boost::multiprecision::abs(big_->value)).str();
  Uint128 magnitude = Magnitude(small_);
  std::string reversed;
  do {
    reversed.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  return std::string(reversed.rbegin(), reversed.rend());
}

std::optional<int64_t> Amount::ToInt64() const {
  if (big_ || small_ > INT64_MAX || small_ < INT64_MIN) return std::nullopt;
  return static_cast<int64_t>(small_);
}

double Amount::Frexp(int64_t* exponent) const {
  constexpr int kMantissaBits = 53;
  uint64_t top = 0;
  int64_t shift = 0;
  if (big_) {
    cpp_int magnitude = boost::multiprecision::abs(big_->value);
    int64_t bits = static_cast<int64_t>(boost::multiprecision::msb(magnitude)) + 1;
    shift = bits > kMantissaBits ? bits - kMantissaBits : 0;
    top = static_cast<uint64_t>(magnitude >> static_cast<unsigned>(shift));
  } else {
    Uint128 magnitude = Magnitude(small_);
    int bits = BitLength(magnitude);
    shift = bits > kMantissaBits ? bits - kMantissaBits : 0;
    top = static_cast<uint64_t>(magnitude >> shift);
  }
  int top_exponent = 0;
  double mantissa = std::frexp(static_cast<double>(top), &top_exponent);
  *exponent = top == 0 ? 0 : top_exponent + shift;
  return mantissa;
}

Amount Amount::operator-() const {
  if (!big_ && small_ != kInt128Min) return FromSmall(-small_);
  return FromBig(Big{-ToBig().value});
}

Amount operator+(const Amount& a, const Amount& b) {
  Amount::Int128 sum;
  if (!a.big_ && !b.big_ && !__builtin_add_overflow(a.small_, b.small_, &sum)) {
    return Amount::FromSmall(sum);
  }
  return Amount::FromBig(Amount::Big{a.ToBig().value + b.ToBig().value});
}

Amount operator-(const Amount& a, const Amount& b) {
  Amount::Int128 difference;
  if (!a.big_ && !b.big_ && !__builtin_sub_overflow(a.small_, b.small_, &difference)) {
    return Amount::FromSmall(difference);
  }
  return Amount::FromBig(Amount::Big{a.ToBig().value - b.ToBig().value});
}

Amount operator*(const Amount& a, const Amount& b) {
  Amount::Int128 product;
  if (!a.big_ && !b.big_ && !__builtin_mul_overflow(a.small_, b.small_, &product)) {
    return Amount::FromSmall(product);
  }
  return Amount::FromBig(Amount::Big{a.ToBig().value * b.ToBig().value});
}

void Amount::DivMod(const Amount& a, const Amount& b, Amount* quotient, Amount* remainder) {
  if (b.IsZero()) throw std::domain_error("Amount::DivMod: division by zero");
  // The one int128 division that overflows is kInt128Min / -1.
  if (!a.big_ && !b.big_ && !(a.small_ == kInt128Min && b.small_ == -1)) {
    *quotient = FromSmall(a.small_ / b.small_);
    *remainder = FromSmall(a.small_ % b.small_);
    return;
  }
  // cpp_int division truncates toward zero, as the built-in operators do.
  cpp_int q, r;
  boost::multiprecision::divide_qr(a.ToBig().value, b.ToBig().value, q, r);
  *quotient = FromBig(Big{std::move(q)});
  *remainder = FromBig(Big{std::move(r)});
}

std::strong_ordering operator<=>(const Amount& a, const Amount& b) {
  if (!a.big_ && !b.big_) return a.small_ <=> b.small_;
  // A big value lies outside the int128 range, so its sign decides against a small one.
  if (!b.big_) return a.big_->value.sign() <=> 0;
  if (!a.big_) return 0 <=> b.big_->value.sign();
  return a.big_->value.compare(b.big_->value) <=> 0;
}

bool operator==(const Amount& a, const Amount& b) { return (a <=> b) == 0; }

}  // namespace pvcwatch
