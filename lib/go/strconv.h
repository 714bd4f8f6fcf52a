#pragma once

// Go's strconv, as far as the project reads and writes numbers and strings the way Go
// programs (kubectl, client-go, apimachinery, goyaml) do.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pvcwatch::go {

/// Why strconv refused a text (its ErrSyntax and ErrRange).
enum class NumError { kNone, kSyntax, kRange };

template <typename T>
struct Parsed {
  T value = 0;  ///< On kRange, the bound nearest the text, as Go returns it.
  NumError error = NumError::kNone;
  bool ok() const { return error == NumError::kNone; }
};

/// strconv.ParseUint(s, base, bit_size). Base 0 reads Go's prefixes (0b, 0o, 0x, a leading
/// 0 for octal) and '_' between digits; bases 2 to 36 read plain digits.
Parsed<std::uint64_t> ParseUint(std::string_view s, int base = 10, int bit_size = 64);

/// strconv.ParseInt(s, base, bit_size): an optional sign, then ParseUint's digits.
Parsed<std::int64_t> ParseInt(std::string_view s, int base = 10, int bit_size = 64);

/// The value of a ParseInt that succeeded, else nullopt.
std::optional<std::int64_t> ParseIntOrNull(std::string_view s, int base = 10, int bit_size = 64);

/// *strconv.NumError's text: `strconv.ParseInt: parsing "x": invalid syntax`.
std::string NumErrorText(std::string_view function, std::string_view s, NumError error);

/// strconv.ParseBool: 1 t T TRUE true True, 0 f F FALSE false False; nullopt otherwise.
std::optional<bool> ParseBool(std::string_view s);

/// `text` as Go's strconv.Quote (and %q) writes it: double-quoted, \" and \\, \n and the
/// other short escapes, \xNN for other control bytes and invalid UTF-8, \uNNNN for runes
/// that are not printable (unicode.IsPrint); so a quoted value always stays on one line.
std::string Quote(std::string_view text);

}  // namespace pvcwatch::go
