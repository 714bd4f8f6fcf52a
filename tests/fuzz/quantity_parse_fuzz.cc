// libFuzzer target for Quantity::Parse: any bytes either parse or throw QuantityError with
// one of the three upstream texts; whatever parses must print, compare, add and subtract
// consistently. Input "a|b" fuzzes two quantities against each other.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "quantity/quantity.h"

namespace {

using pvcwatch::Format;
using pvcwatch::Quantity;
using pvcwatch::QuantityError;

void Check(bool ok, const char* what, std::string_view input) {
  if (ok) return;
  std::fprintf(stderr, "invariant broken: %s, input \"%.*s\"\n", what,
               static_cast<int>(input.size()), input.data());
  std::abort();
}

bool IsUpstreamError(std::string_view message) {
  return message ==
             "quantities must match the regular expression "
             "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" ||
         message == "unable to parse numeric part of quantity" ||
         message == "unable to parse quantity's suffix";
}

std::optional<Quantity> ParseChecked(std::string_view text) {
  try {
    return Quantity::Parse(text);
  } catch (const QuantityError& e) {
    Check(IsUpstreamError(e.what()), "error text is not one of upstream's", text);
    return std::nullopt;
  }
}

// Upstream's canonical text reads back as the same value except where its String() drops
// the suffix (DecimalSI >= 10^21) or Parse caps (BinarySI > 2^63-1); see quantity_test.cc.
bool RoundTrips(const Quantity& q) {
  static const Quantity kDecimalSILimit = Quantity::Parse("1e21");
  static const Quantity kBinarySILimit = Quantity::Parse("9223372036854775807");
  Quantity magnitude;
  if (q.Sign() < 0) {
    magnitude.Sub(q);
  } else {
    magnitude.Add(q);
  }
  if (q.format() == Format::DecimalSI) return magnitude.Cmp(kDecimalSILimit) < 0;
  if (q.format() == Format::BinarySI) return magnitude.Cmp(kBinarySILimit) <= 0;
  return true;
}

void CheckOne(const Quantity& q, std::string_view input) {
  const std::string text = q.String();
  Check(!text.empty(), "String() is empty", input);
  Check(q.Cmp(q) == 0, "Cmp(q, q) != 0", input);
  Check(q.Cmp(Quantity()) == q.Sign(), "Cmp with zero disagrees with Sign", input);
  Check(q.IsZero() == (q.Sign() == 0), "IsZero disagrees with Sign", input);
  if (q.IsZero()) Check(text == "0", "zero does not print as 0", input);

  // Zero + q drops the cached text: the canonical form.
  Quantity canonical;
  canonical.Add(q);
  Check(canonical.Cmp(q) == 0, "0 + q != q", input);
  Check(canonical.format() == q.format(), "0 + q changed the format", input);
  const std::string canonical_text = canonical.String();
  if (RoundTrips(q)) {
    std::optional<Quantity> again = ParseChecked(canonical_text);
    Check(again.has_value() && again->Cmp(q) == 0, "Parse(String(q)) != q", input);
    Check(again->String() == canonical_text, "canonical text is not a fixed point", input);
  }

  Quantity twice = q;
  twice.Add(q);
  twice.Sub(q);
  Check(twice.Cmp(q) == 0, "q + q - q != q", input);

  // Rounded away from zero, so never closer to zero than the value.
  const int64_t value = q.Value();
  const int64_t milli = q.MilliValue();
  Check(q.Sign() == 0 ? value == 0 && milli == 0 : (value > 0) == (q.Sign() > 0),
        "Value() has the wrong sign", input);
  (void)q.Ratio(q);
}

void CheckPair(const Quantity& a, const Quantity& b, std::string_view input) {
  Check(a.Cmp(b) == -b.Cmp(a), "Cmp is not antisymmetric", input);
  Quantity ab = a, ba = b;
  ab.Add(b);
  ba.Add(a);
  Check(ab.Cmp(ba) == 0, "a + b != b + a", input);
  Quantity back = ab;
  back.Sub(b);
  Check(back.Cmp(a) == 0, "a + b - b != a", input);
  Quantity difference = a;
  difference.Sub(b);
  Check(difference.Sign() == a.Cmp(b), "sign of a - b disagrees with Cmp", input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t bar = input.find('|');
  std::optional<Quantity> a = ParseChecked(input.substr(0, bar));
  if (a) CheckOne(*a, input);
  if (bar == std::string_view::npos) return 0;
  std::optional<Quantity> b = ParseChecked(input.substr(bar + 1));
  if (b) CheckOne(*b, input);
  if (a && b) CheckPair(*a, *b, input);
  return 0;
}
