#include "print/yaml_printer.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "go/strconv_float.h"
#include "go/unicode.h"
#include "go/utf8.h"
#include "go/yaml_resolve.h"
#include "json/encode.h"
#include "print/yaml_emitter.h"

// sigs.k8s.io/yaml turns an object into YAML in two steps: encoding/json writes it, then
// goyaml v2 reads that JSON back into Go values and writes them. Each step changes what
// is printed, and this file reproduces both without the JSON text in between.
namespace pvcwatch::print {
namespace {

using go::IsDigit;
using go::IsLetter;
using json::Value;

constexpr std::size_t kFlushBytes = 1 << 16;

bool IsControlForYaml(char32_t c) {
  // goyaml's reader refuses these raw characters (encoding/json escapes those below 0x20).
  return c == 0x7F || (c >= 0x80 && c <= 0x9F && c != 0x85) || c == 0xFFFE || c == 0xFFFF;
}

// A JSON string as goyaml reads it back: invalid UTF-8 became U+FFFD in encoding/json;
// U+0085 (NEL), which encoding/json leaves raw, is a line break to YAML and is folded like
// one inside a double-quoted scalar: spaces before it dropped, spaces after it skipped, a
// single break read as a space and n breaks as n-1 newlines.
std::string AsYamlReads(std::string_view raw, bool is_key) {
  std::string text;
  text.reserve(raw.size());
  bool has_nel = false;
  while (!raw.empty()) {
    const go::Rune rune = go::DecodeRune(raw);
    if (IsControlForYaml(rune.value)) {
      throw std::invalid_argument("yaml: control characters are not allowed");
    }
    has_nel = has_nel || rune.value == 0x85;
    if (rune.valid) {
      text.append(raw.substr(0, rune.size));
    } else {
      go::AppendRune(text, 0xFFFD);
    }
    raw.remove_prefix(rune.size);
  }
  if (!has_nel) return text;
  // In a flow mapping a key must fit on one line.
  if (is_key) throw std::invalid_argument("yaml: did not find expected ',' or '}'");
  std::string folded;
  std::size_t i = 0;
  const auto is_nel = [&](std::size_t at) {
    return at + 1 < text.size() && text[at] == '\xC2' && text[at + 1] == '\x85';
  };
  while (i < text.size()) {
    if (text[i] != ' ' && !is_nel(i)) {
      folded += text[i++];
      continue;
    }
    std::string spaces;
    int breaks = 0;
    while (i < text.size() && (text[i] == ' ' || is_nel(i))) {
      if (is_nel(i)) {
        if (breaks == 0) spaces.clear();
        ++breaks;
        i += 2;
        // A line may not start with a document marker ("---" or "..." and a blank or a
        // break; the closing quote that follows the string is neither).
        const std::string_view rest = std::string_view(text).substr(i);
        if ((rest.substr(0, 3) == "---" || rest.substr(0, 3) == "...") &&
            (rest.substr(3, 1) == " " || rest.substr(3, 2) == "\xC2\x85")) {
          throw std::invalid_argument("yaml: found unexpected document indicator");
        }
      } else {
        if (breaks == 0) spaces += ' ';
        ++i;
      }
    }
    if (breaks == 0) {
      folded += spaces;
    } else if (breaks == 1) {
      folded += ' ';
    } else {
      folded.append(breaks - 1, '\n');
    }
  }
  return folded;
}

// The number goyaml reads from the JSON text encoding/json wrote for it: an int when it
// fits int64, else a uint64, else a float64 printed with strconv's shortest %g.
std::string YamlNumber(std::string_view text) {
  const std::string go = json::FormatJsonNumber(text);
  if (go.find_first_of(".eE") == std::string::npos) {
    std::int64_t integer = 0;
    const char* end = go.data() + go.size();
    if (auto r = std::from_chars(go.data(), end, integer); r.ec == std::errc() && r.ptr == end) {
      return std::to_string(integer);
    }
    std::uint64_t unsigned_integer = 0;
    if (auto r = std::from_chars(go.data(), end, unsigned_integer);
        r.ec == std::errc() && r.ptr == end) {
      return std::to_string(unsigned_integer);
    }
  }
  return go::FormatFloat(go::ParseFloat(go).value_or(0), 'g');
}

// goyaml v2 sorter.go keyList.Less for two string keys: letters sort after other
// characters, runs of digits compare by value, otherwise code points compare.
bool YamlKeyLess(const std::u32string& a, const std::u32string& b) {
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] == b[i]) continue;
    const bool a_letter = IsLetter(a[i]), b_letter = IsLetter(b[i]);
    if (a_letter && b_letter) return a[i] < b[i];
    if (a_letter || b_letter) return b_letter;
    std::int64_t a_number = 0, b_number = 0;
    if (a[i] == U'0' || b[i] == U'0') {
      // Inside a number that started earlier, a zero is an ordinary digit.
      for (std::size_t j = i; j-- > 0 && IsDigit(a[j]);) {
        if (a[j] != U'0') {
          a_number = b_number = 1;
          break;
        }
      }
    }
    // Go's int64 arithmetic, wrapping included (a non-ASCII digit adds rune - '0').
    const auto accumulate = [](std::int64_t n, char32_t digit) {
      return static_cast<std::int64_t>(static_cast<std::uint64_t>(n) * 10 +
                                       static_cast<std::uint64_t>(digit) - U'0');
    };
    std::size_t a_end = i, b_end = i;
    for (; a_end < a.size() && IsDigit(a[a_end]); ++a_end)
      a_number = accumulate(a_number, a[a_end]);
    for (; b_end < b.size() && IsDigit(b[b_end]); ++b_end)
      b_number = accumulate(b_number, b[b_end]);
    if (a_number != b_number) return a_number < b_number;
    if (a_end != b_end) return a_end < b_end;
    return a[i] < b[i];
  }
  return a.size() < b.size();
}

struct Entry {
  std::string key;  // as goyaml reads it back
  std::u32string runes;
  const Value* value;
};

// Go map semantics twice over: kubectl's decode keeps the last of repeated keys, and so
// does goyaml when two keys meet again after encoding/json replaced invalid UTF-8.
std::vector<Entry> MappingEntries(const Value::Object& members) {
  std::vector<const Value::Member*> raw;
  raw.reserve(members.size());
  for (const auto& member : members) raw.push_back(&member);
  std::stable_sort(raw.begin(), raw.end(),
                   [](const auto* x, const auto* y) { return x->first < y->first; });
  std::vector<Entry> entries;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (i + 1 < raw.size() && raw[i + 1]->first == raw[i]->first) continue;
    std::string key = AsYamlReads(raw[i]->first, true);
    auto same =
        std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.key == key; });
    if (same != entries.end()) {
      same->value = &raw[i]->second;
      continue;
    }
    std::u32string runes;
    for (std::string_view rest = key; !rest.empty();) {
      const go::Rune rune = go::DecodeRune(rest);
      runes += rune.value;
      rest.remove_prefix(rune.size);
    }
    entries.push_back({std::move(key), std::move(runes), &raw[i]->second});
  }
  // Go sorts with pdqsort, which is an insertion sort for up to 12 keys; a stable merge
  // sort gives the same order whenever the comparison is consistent.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& x, const Entry& y) { return YamlKeyLess(x.runes, y.runes); });
  return entries;
}

// Hands the text to the stream in large pieces as it grows: the emitter never looks back
// at what it wrote.
class YamlWriter {
 public:
  explicit YamlWriter(std::ostream& out) : out_(out), emitter_(text_) {}

  void Write(const Value& value) {
    switch (value.type()) {
      case Value::Type::kNull: emitter_.Scalar("null", YamlEmitter::Style::kPlain); break;
      case Value::Type::kBool:
        emitter_.Scalar(value.AsBool() ? "true" : "false", YamlEmitter::Style::kPlain);
        break;
      case Value::Type::kNumber:
        emitter_.Scalar(YamlNumber(value.AsString()), YamlEmitter::Style::kPlain);
        break;
      case Value::Type::kString: WriteString(AsYamlReads(value.AsString(), false)); break;
      case Value::Type::kArray:
        emitter_.BeginSequence(value.items().empty());
        for (const Value& item : value.items()) Write(item);
        emitter_.EndSequence();
        break;
      case Value::Type::kObject: {
        const std::vector<Entry> entries = MappingEntries(value.members());
        emitter_.BeginMapping(entries.empty());
        for (const Entry& entry : entries) {
          WriteString(entry.key);
          Write(*entry.value);
        }
        emitter_.EndMapping();
        break;
      }
    }
    if (text_.size() >= kFlushBytes) Flush();
  }

  void Finish() {
    emitter_.EndDocument();
    Flush();
  }

 private:
  // goyaml's encoder: a literal block for text with a newline, plain when the text would
  // read back as the same string, double quotes otherwise.
  void WriteString(const std::string& text) {
    YamlEmitter::Style style = YamlEmitter::Style::kDoubleQuoted;
    if (text.find('\n') != std::string::npos) {
      style = YamlEmitter::Style::kLiteral;
    } else if (go::ResolvesToString(text)) {
      style = YamlEmitter::Style::kPlain;
    }
    emitter_.Scalar(text, style);
  }

  void Flush() {
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    text_.clear();
  }

  std::ostream& out_;
  std::string text_;
  YamlEmitter emitter_;
};

}  // namespace

void PrintYaml(const json::Value& value, std::ostream& out) {
  YamlWriter writer(out);
  writer.Write(value);
  writer.Finish();
}

}  // namespace pvcwatch::print
