#include "quantity/quantity.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "go/strconv.h"

// Mirrors k8s.io/apimachinery/pkg/api/resource (quantity.go, suffix.go, amount.go) at the
// version tests/oracle/go.mod pins; tests/oracle/quantity_vectors.tsv holds its answers.
// Upstream keeps either an int64 times a power of ten or an inf.Dec; every value it can
// hold is a multiple of 1e-9, so one exact integer count of nano-units stands in for both.
// The representation upstream picks still shows in two places, the echoed input text and
// the "numeric part" error, so Parse works out which path upstream would take.

namespace pvcwatch {
namespace {

// apimachinery's ErrFormatWrong, ErrNumeric and ErrSuffix, verbatim.
constexpr char kErrFormatWrong[] =
    "quantities must match the regular expression "
    "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
constexpr char kErrNumeric[] = "unable to parse numeric part of quantity";
constexpr char kErrSuffix[] = "unable to parse quantity's suffix";

constexpr int kNanoExponent = 9;  // values are counted in units of 10^-9

const Amount& NanoPerUnit() {
  static const Amount value = Amount::PowerOfTen(kNanoExponent);
  return value;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The pieces of a quantity's text as upstream's scanner (parseQuantityString) cuts them.
struct ScannedText {
  bool negative = false;
  std::string_view integer;   // digits before the '.', leading zeros stripped
  std::string_view fraction;  // digits after the '.'
  bool has_digits = false;    // whether the numeric part holds any digit, stripped zeros too
  std::string_view suffix;    // letters, then an optional sign and digits
};

// Cuts text as [+-][digits][.digits][eEinumkKMGTP...][+-][digits]; nullopt when
// something is left over, where upstream returns ErrFormatWrong.
std::optional<ScannedText> Scan(std::string_view text) {
  ScannedText out;
  size_t pos = 0;
  if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) {
    out.negative = text[pos] == '-';
    ++pos;
  }
  const size_t zeros_start = pos;
  while (pos < text.size() && text[pos] == '0') ++pos;
  if (pos == text.size()) {
    // Upstream reads "", "+", "-" and "-000" after the sign as the number "0".
    out.has_digits = true;
    return out;
  }
  size_t start = pos;
  while (pos < text.size() && IsDigit(text[pos])) ++pos;
  out.integer = text.substr(start, pos - start);
  const bool has_point = pos < text.size() && text[pos] == '.';
  if (has_point) {
    start = ++pos;
    while (pos < text.size() && IsDigit(text[pos])) ++pos;
    out.fraction = text.substr(start, pos - start);
  }
  out.has_digits = pos - zeros_start > (has_point ? 1u : 0u);
  start = pos;
  constexpr std::string_view kSuffixLetters = "eEinumkKMGTP";
  while (pos < text.size() && kSuffixLetters.find(text[pos]) != std::string_view::npos) ++pos;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
  while (pos < text.size() && IsDigit(text[pos])) ++pos;
  if (pos != text.size()) return std::nullopt;
  out.suffix = text.substr(start);
  return out;
}

// What a suffix means: value = number * 10^decimal_exponent * 2^binary_exponent.
struct SuffixMeaning {
  Format format;
  int32_t decimal_exponent = 0;
  int binary_exponent = 0;
};

constexpr std::string_view kDecimalSuffixes[] = {"n", "u", "m", "",  "k",
                                                 "M", "G", "T", "P", "E"};  // 10^-9 .. 10^18
constexpr int kFirstDecimalSuffixExponent = -9;
constexpr std::string_view kBinarySuffixes[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

// The suffix table of upstream's suffix.go, then "e<int>"/"E<int>"; "E" alone is exa.
std::optional<SuffixMeaning> InterpretSuffix(std::string_view suffix) {
  for (int i = 0; i < static_cast<int>(std::size(kDecimalSuffixes)); ++i) {
    if (suffix == kDecimalSuffixes[i]) {
      return SuffixMeaning{Format::DecimalSI, kFirstDecimalSuffixExponent + 3 * i, 0};
    }
  }
  for (int i = 1; i < static_cast<int>(std::size(kBinarySuffixes)); ++i) {
    if (suffix == kBinarySuffixes[i]) return SuffixMeaning{Format::BinarySI, 0, 10 * i};
  }
  if (suffix.size() > 1 && (suffix[0] == 'e' || suffix[0] == 'E')) {
    std::optional<int64_t> exponent = go::ParseIntOrNull(suffix.substr(1));
    if (!exponent) return std::nullopt;
    // Upstream parses 64 bits and keeps the low 32: "1e4294967296" is 1.
    return SuffixMeaning{Format::DecimalExponent, static_cast<int32_t>(*exponent), 0};
  }
  return std::nullopt;
}

int64_t Size(std::string_view s) { return static_cast<int64_t>(s.size()); }

// Whether upstream stores the value as int64 * 10^scale (its "fast path") rather than an
// inf.Dec: few enough digits and no digits below 10^-9 (precision in ParseQuantity).
bool UpstreamTakesInt64Path(const ScannedText& text, const SuffixMeaning& suffix) {
  const int64_t integer_digits = std::max<int64_t>(1, Size(text.integer));  // "" counts as "0"
  if (suffix.format == Format::BinarySI) {
    // Each 2^10 costs three decimal digits of headroom; Pi and Ei never fit.
    return text.fraction.empty() && 14 - integer_digits - 3 * (suffix.binary_exponent / 10) >= 0;
  }
  return 18 - integer_digits - Size(text.fraction) >= 0 &&
         suffix.decimal_exponent - Size(text.fraction) >= -kNanoExponent;
}

// Whether upstream keeps the input text as String(), which ParseQuantity does on the int64
// path when the digits look canonical. It looks at the digits only, so "+1", "01" and
// "1.G" are echoed too (kubernetes/kubernetes#138165 is about this cache).
bool UpstreamEchoesText(const ScannedText& text, const SuffixMeaning& suffix) {
  if (text.integer.empty()) return false;  // the digits would start with '0'
  std::string digits(text.integer);
  digits += text.fraction;
  if (suffix.format == Format::BinarySI) {
    // Not a multiple of 8; 1000 is one, so the last three digits decide.
    const std::string last = digits.substr(digits.size() - std::min<size_t>(3, digits.size()));
    return std::stoi(last) % 8 != 0;
  }
  const int64_t scale = suffix.decimal_exponent - Size(text.fraction);
  return scale % 3 == 0 && !digits.ends_with("000");
}

Amount Power(int64_t base, int exponent) {
  Amount result(1);
  for (int i = 0; i < exponent; ++i) result = result * Amount(base);
  return result;
}

// |digits * 10^scale * 2^k| in nano-units, rounded up as upstream's slow path does
// (inf.RoundUp to 10^-9). digits has no leading zero. Digits far below 10^-9 only count
// as "something non-zero is there", so a long fraction costs no arbitrary precision.
Amount RoundedNanoUnits(std::string_view digits, int64_t scale, int k) {
  const int64_t nano_shift = scale + kNanoExponent;
  if (nano_shift >= 0) {
    return Amount::FromDigits(digits) * Amount::PowerOfTen(nano_shift) * Amount(int64_t{1} << k);
  }
  // value * 10^9 = digits * 10^nano_shift * 2^k = (kept + tail) / 5^k, where kept is the
  // integer made of the digits down to 10^-(9+k) and 0 <= tail < 1 the rest. As
  // remainder + tail < 5^k, the result is the quotient, plus one unless both are zero.
  const int64_t keep = Size(digits) + nano_shift + k;
  Amount kept;
  bool tail = false;
  if (keep <= 0) {
    tail = true;
  } else if (keep >= Size(digits)) {
    kept = Amount::FromDigits(digits) * Amount::PowerOfTen(keep - Size(digits));
  } else {
    kept = Amount::FromDigits(digits.substr(0, keep));
    tail = digits.substr(keep).find_first_not_of('0') != std::string_view::npos;
  }
  Amount quotient, remainder;
  Amount::DivMod(kept, Power(5, k), &quotient, &remainder);
  if (tail || !remainder.IsZero()) quotient = quotient + Amount(1);
  return quotient;
}

// ceil(nano / 10^(9-unit_exponent)) away from zero, saturated to int64.
int64_t RoundedUpInt64(const Amount& nano, int unit_exponent) {
  Amount quotient, remainder;
  Amount::DivMod(nano, Amount::PowerOfTen(kNanoExponent - unit_exponent), &quotient, &remainder);
  if (!remainder.IsZero()) quotient = quotient + Amount(nano.Sign());
  if (std::optional<int64_t> value = quotient.ToInt64()) return *value;
  return nano.Sign() > 0 ? std::numeric_limits<int64_t>::max()
                         : std::numeric_limits<int64_t>::min();
}

}  // namespace

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::BinarySI: return "BinarySI";
    case Format::DecimalSI: return "DecimalSI";
    case Format::DecimalExponent: return "DecimalExponent";
  }
  return "";
}

Quantity Quantity::Parse(std::string_view text) {
  if (text.empty()) throw QuantityError(kErrFormatWrong);
  std::optional<ScannedText> scanned = Scan(text);
  if (!scanned) throw QuantityError(kErrFormatWrong);
  std::optional<SuffixMeaning> suffix = InterpretSuffix(scanned->suffix);
  if (!suffix) throw QuantityError(kErrSuffix);
  const bool int64_path = UpstreamTakesInt64Path(*scanned, *suffix);
  // inf.Dec's SetString wants a digit: ".Pi" and "e-20" fail, "." and "Ki" do not.
  if (!int64_path && !scanned->has_digits) throw QuantityError(kErrNumeric);

  Quantity q;
  q.format_ = suffix->format;
  std::string digits(scanned->integer);
  digits += scanned->fraction;
  const size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return q;  // zero, in the suffix's format
  const std::string_view significant = std::string_view(digits).substr(first);
  const int64_t scale = suffix->decimal_exponent - Size(scanned->fraction);
  const int64_t order = Size(significant) - 1 + scale;  // floor(log10(|number|))

  if (suffix->format == Format::BinarySI) {
    // Upstream caps BinarySI at parse time (only there) at 2^63-1, after rounding to nano.
    static const Amount kCap = Amount(std::numeric_limits<int64_t>::max()) * NanoPerUnit();
    constexpr int64_t kInt64Digits = 19;  // >= 10^19 is past 2^63 even before the 2^k
    q.nano_ = kCap;
    if (order < kInt64Digits) {
      q.nano_ = RoundedNanoUnits(significant, scale, suffix->binary_exponent);
      if (q.nano_ > kCap) q.nano_ = kCap;
    }
    // A non-zero magnitude below 1 is not worth binary notation (upstream switches it too).
    if (q.nano_ < NanoPerUnit()) q.format_ = Format::DecimalSI;
  } else {
    // Upstream would hold 1e400000000 as int64 * 10^scale and only blow up when adding it;
    // an exact count cannot, so such magnitudes are refused up front (see the header).
    if (order >= kParseLimitExponent) throw QuantityError(kErrNumeric);
    q.nano_ = RoundedNanoUnits(significant, scale, 0);
  }
  if (scanned->negative) q.nano_ = -q.nano_;
  if (int64_path && UpstreamEchoesText(*scanned, *suffix)) q.cached_ = text;
  return q;
}

std::string Quantity::String() const { return cached_.empty() ? CanonicalString() : cached_; }

// Upstream's CanonicalizeBytes: BinarySI strips factors of 1024 from an integer of at
// least 1024 in magnitude; everything else strips factors of 10 and then lowers the
// exponent to a multiple of 3.
std::string Quantity::CanonicalString() const {
  if (nano_.IsZero()) return "0";
  const std::string sign = nano_.Sign() < 0 ? "-" : "";
  Format format = format_;
  if (format == Format::BinarySI) {
    static const Amount kBinaryMinimum = Amount(1024) * NanoPerUnit();
    Amount integer, fraction;
    Amount::DivMod(nano_, NanoPerUnit(), &integer, &fraction);
    if (nano_ > -kBinaryMinimum && nano_ < kBinaryMinimum) {
      format = Format::DecimalSI;
    } else if (!fraction.IsZero()) {
      format = Format::DecimalSI;  // rather than lose the fraction
    } else {
      size_t power = 0;
      const Amount kKibi(1024);
      for (Amount quotient, remainder;; ++power) {
        Amount::DivMod(integer, kKibi, &quotient, &remainder);
        if (!remainder.IsZero()) break;
        integer = quotient;
      }
      // Past Ei (>= 1024Ei) upstream finds no suffix and prints the mantissa alone.
      return sign + integer.AbsDigits() +
             std::string(power < std::size(kBinarySuffixes) ? kBinarySuffixes[power] : "");
    }
  }

  std::string digits = nano_.AbsDigits();
  const size_t last = digits.find_last_not_of('0');
  int64_t exponent = -kNanoExponent + Size(digits) - 1 - static_cast<int64_t>(last);
  digits.resize(last + 1);
  const int64_t down = (exponent % 3 + 3) % 3;  // to the multiple of 3 below
  digits.append(static_cast<size_t>(down), '0');
  exponent -= down;
  if (format == Format::DecimalExponent) {
    return sign + digits + (exponent == 0 ? "" : "e" + std::to_string(exponent));
  }
  // Upstream has no DecimalSI suffix past E (10^18) and ignores the failed lookup, so
  // 1000E prints as "1": reproduced, as the oracle shows for this apimachinery version.
  const int64_t index = (exponent - kFirstDecimalSuffixExponent) / 3;
  const bool known = index >= 0 && index < static_cast<int64_t>(std::size(kDecimalSuffixes));
  return sign + digits + std::string(known ? kDecimalSuffixes[index] : "");
}

void Quantity::Add(const Quantity& y) {
  cached_.clear();
  if (nano_.IsZero()) format_ = y.format_;
  nano_ = nano_ + y.nano_;
}

void Quantity::Sub(const Quantity& y) {
  cached_.clear();
  if (nano_.IsZero()) format_ = y.format_;
  nano_ = nano_ - y.nano_;
}

int Quantity::Cmp(const Quantity& y) const {
  const std::strong_ordering order = nano_ <=> y.nano_;
  return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

int64_t Quantity::Value() const { return RoundedUpInt64(nano_, 0); }

int64_t Quantity::MilliValue() const { return RoundedUpInt64(nano_, 3); }

double Quantity::Ratio(const Quantity& denominator) const {
  if (denominator.IsZero()) return std::numeric_limits<double>::quiet_NaN();
  if (IsZero()) return 0.0;
  // Mantissas and binary exponents apart, so values past 1e308 still divide.
  int64_t numerator_exponent = 0, denominator_exponent = 0;
  const double mantissa_ratio =
      nano_.Frexp(&numerator_exponent) / denominator.nano_.Frexp(&denominator_exponent);
  const int64_t exponent =
      std::clamp<int64_t>(numerator_exponent - denominator_exponent, -4096, 4096);
  return Sign() * denominator.Sign() * std::ldexp(mantissa_ratio, static_cast<int>(exponent));
}

Quantity Quantity::RoundedUp() const {
  Amount quotient, remainder;
  const Amount unit = Amount::PowerOfTen(kNanoExponent);
  Amount::DivMod(nano_, unit, &quotient, &remainder);
  if (remainder.IsZero()) return *this;
  Quantity rounded = *this;
  rounded.nano_ = (quotient + Amount(nano_.Sign())) * unit;
  rounded.cached_.clear();
  return rounded;
}

int Quantity::CmpProducts(const Quantity& a, const Quantity& b, const Quantity& c,
                          const Quantity& d) {
  const std::strong_ordering order = (a.nano_ * b.nano_) <=> (c.nano_ * d.nano_);
  return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

}  // namespace pvcwatch
