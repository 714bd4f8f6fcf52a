#include <string>

#include "go/utf8.h"
#include "print/yaml_emitter.h"

// The scalar half of go.yaml.in/yaml/v2 emitterc.go: analysing a value and writing it
// plain, single-quoted, double-quoted or as a literal block, folding long lines at spaces.
namespace pvcwatch::print {
namespace {

constexpr int kBestIndent = 2;
constexpr int kBestWidth = 80;

unsigned char At(std::string_view s, std::size_t i) {
  return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
}

// libyaml's character classes work on the UTF-8 bytes at position i.
std::size_t Width(unsigned char b) {
  if ((b & 0x80) == 0x00) return 1;
  if ((b & 0xE0) == 0xC0) return 2;
  if ((b & 0xF0) == 0xE0) return 3;
  if ((b & 0xF8) == 0xF0) return 4;
  return 1;
}
bool IsSpace(std::string_view s, std::size_t i) { return At(s, i) == ' '; }
bool IsBlank(std::string_view s, std::size_t i) { return At(s, i) == ' ' || At(s, i) == '\t'; }
bool IsBreak(std::string_view s, std::size_t i) {
  const unsigned char b = At(s, i);
  return b == '\r' || b == '\n' || (b == 0xC2 && At(s, i + 1) == 0x85) ||
         (b == 0xE2 && At(s, i + 1) == 0x80 && (At(s, i + 2) == 0xA8 || At(s, i + 2) == 0xA9));
}
bool IsBlankOrBreakOrNul(std::string_view s, std::size_t i) {
  return IsBlank(s, i) || IsBreak(s, i) || At(s, i) == 0;
}
// YAML's printable set, tested on bytes as libyaml does: LF (not TAB or CR), 0x20-0x7E,
// U+00A0 up to U+FFFD except surrogates, U+FEFF, U+FFFE and U+FFFF; 4-byte characters
// (emoji) are not printable and end up escaped.
bool IsPrintable(std::string_view s, std::size_t i) {
  const unsigned char b = At(s, i), b1 = At(s, i + 1), b2 = At(s, i + 2);
  return b == 0x0A || (b >= 0x20 && b <= 0x7E) || (b == 0xC2 && b1 >= 0xA0) ||
         (b > 0xC2 && b < 0xED) || (b == 0xED && b1 < 0xA0) || b == 0xEE ||
         (b == 0xEF && !(b1 == 0xBB && b2 == 0xBF) && !(b1 == 0xBF && (b2 == 0xBE || b2 == 0xBF)));
}

}  // namespace

// yaml_emitter_analyze_scalar: which styles can carry the value.
YamlEmitter::Analysis YamlEmitter::Analyze(std::string_view value) {
  Analysis a;
  if (value.empty()) return a;
  bool block_indicators = false, flow_indicators = false, line_breaks = false;
  bool special_characters = false, leading_space = false, leading_break = false;
  bool trailing_space = false, trailing_break = false, break_space = false;
  bool space_break = false, previous_space = false, previous_break = false;
  if (value.substr(0, 3) == "---" || value.substr(0, 3) == "...") {
    block_indicators = flow_indicators = true;
  }
  bool preceded_by_whitespace = true;
  for (std::size_t i = 0; i < value.size();) {
    const std::size_t w = Width(At(value, i));
    const bool followed_by_whitespace = i + w >= value.size() || IsBlank(value, i + w);
    const char c = value[i];
    if (i == 0) {
      switch (c) {
        case '#':
        case ',':
        case '[':
        case ']':
        case '{':
        case '}':
        case '&':
        case '*':
        case '!':
        case '|':
        case '>':
        case '\'':
        case '"':
        case '%':
        case '@':
        case '`': flow_indicators = block_indicators = true; break;
        case '?':
        case ':':
          flow_indicators = true;
          if (followed_by_whitespace) block_indicators = true;
          break;
        case '-':
          if (followed_by_whitespace) flow_indicators = block_indicators = true;
          break;
      }
    } else {
      switch (c) {
        case ',':
        case '?':
        case '[':
        case ']':
        case '{':
        case '}': flow_indicators = true; break;
        case ':':
          flow_indicators = true;
          if (followed_by_whitespace) block_indicators = true;
          break;
        case '#':
          if (preceded_by_whitespace) flow_indicators = block_indicators = true;
          break;
      }
    }
    if (!IsPrintable(value, i)) special_characters = true;
    if (IsSpace(value, i)) {
      if (i == 0) leading_space = true;
      if (i + w == value.size()) trailing_space = true;
      if (previous_break) break_space = true;
      previous_space = true;
      previous_break = false;
    } else if (IsBreak(value, i)) {
      line_breaks = true;
      if (i == 0) leading_break = true;
      if (i + w == value.size()) trailing_break = true;
      if (previous_space) space_break = true;
      previous_space = false;
      previous_break = true;
    } else {
      previous_space = previous_break = false;
    }
    preceded_by_whitespace = IsBlankOrBreakOrNul(value, i);
    i += w;
  }
  a.multiline = line_breaks;
  a.flow_plain_allowed = a.block_plain_allowed = a.single_quoted_allowed = true;
  a.block_allowed = true;
  if (leading_space || leading_break || trailing_space || trailing_break) {
    a.flow_plain_allowed = a.block_plain_allowed = false;
  }
  if (trailing_space) a.block_allowed = false;
  if (break_space) a.flow_plain_allowed = a.block_plain_allowed = a.single_quoted_allowed = false;
  if (space_break || special_characters) {
    a.flow_plain_allowed = a.block_plain_allowed = a.single_quoted_allowed = false;
    a.block_allowed = false;
  }
  if (line_breaks) a.flow_plain_allowed = a.block_plain_allowed = false;
  if (flow_indicators) a.flow_plain_allowed = false;
  if (block_indicators) a.block_plain_allowed = false;
  return a;
}

// Copies one character; the column counts characters, not bytes.
void YamlEmitter::Write(std::string_view value, std::size_t& i) {
  const std::size_t w = Width(At(value, i));
  out_.append(value.substr(i, w));
  ++column_;
  i += w;
}

void YamlEmitter::WriteBreak(std::string_view value, std::size_t& i) {
  if (value[i] == '\n') {
    PutBreak();
    ++i;
  } else {
    Write(value, i);
    column_ = 0;
  }
}

void YamlEmitter::WritePlain(std::string_view value, bool allow_breaks) {
  if (!whitespace_) Put(' ');
  bool spaces = false, breaks = false;
  for (std::size_t i = 0; i < value.size();) {
    if (IsSpace(value, i)) {
      // Fold at the first space of a run once past the width, unless a space follows.
      if (allow_breaks && !spaces && column_ > kBestWidth && !IsSpace(value, i + 1)) {
        WriteIndent();
        ++i;
      } else {
        Write(value, i);
      }
      spaces = true;
    } else if (IsBreak(value, i)) {
      if (!breaks && value[i] == '\n') PutBreak();
      WriteBreak(value, i);
      indention_ = true;
      breaks = true;
    } else {
      if (breaks) WriteIndent();
      Write(value, i);
      indention_ = false;
      spaces = breaks = false;
    }
  }
  whitespace_ = indention_ = false;
}

void YamlEmitter::WriteSingleQuoted(std::string_view value, bool allow_breaks) {
  WriteIndicator("'", true, false, false);
  bool spaces = false, breaks = false;
  for (std::size_t i = 0; i < value.size();) {
    if (IsSpace(value, i)) {
      if (allow_breaks && !spaces && column_ > kBestWidth && i > 0 && i + 1 < value.size() &&
          !IsSpace(value, i + 1)) {
        WriteIndent();
        ++i;
      } else {
        Write(value, i);
      }
      spaces = true;
    } else if (IsBreak(value, i)) {
      if (!breaks && value[i] == '\n') PutBreak();
      WriteBreak(value, i);
      indention_ = true;
      breaks = true;
    } else {
      if (breaks) WriteIndent();
      if (value[i] == '\'') Put('\'');
      Write(value, i);
      indention_ = false;
      spaces = breaks = false;
    }
  }
  WriteIndicator("'", false, false, false);
  whitespace_ = indention_ = false;
}

void YamlEmitter::WriteDoubleQuoted(std::string_view value, bool allow_breaks) {
  static constexpr char kHexUpper[] = "0123456789ABCDEF";
  // libyaml's BOM test looks at the start of the value, whatever the position: a value
  // that starts with U+FEFF has every character escaped.
  const bool starts_with_bom = value.substr(0, 3) == "\xEF\xBB\xBF";
  WriteIndicator("\"", true, false, false);
  bool spaces = false;
  for (std::size_t i = 0; i < value.size();) {
    if (!IsPrintable(value, i) || starts_with_bom || IsBreak(value, i) || value[i] == '"' ||
        value[i] == '\\') {
      const go::Rune rune = go::DecodeRune(value.substr(i));
      i += rune.size;
      Put('\\');
      switch (rune.value) {
        case 0x00: Put('0'); break;
        case 0x07: Put('a'); break;
        case 0x08: Put('b'); break;
        case 0x09: Put('t'); break;
        case 0x0A: Put('n'); break;
        case 0x0B: Put('v'); break;
        case 0x0C: Put('f'); break;
        case 0x0D: Put('r'); break;
        case 0x1B: Put('e'); break;
        case 0x22: Put('"'); break;
        case 0x5C: Put('\\'); break;
        case 0x85: Put('N'); break;
        case 0xA0: Put('_'); break;
        case 0x2028: Put('L'); break;
        case 0x2029: Put('P'); break;
        default: {
          const int digits = rune.value <= 0xFF ? 2 : rune.value <= 0xFFFF ? 4 : 8;
          Put(digits == 2 ? 'x' : digits == 4 ? 'u' : 'U');
          for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            Put(kHexUpper[(rune.value >> shift) & 0xF]);
          }
        }
      }
      spaces = false;
    } else if (IsSpace(value, i)) {
      // A fold inside double quotes keeps a following space by escaping it.
      if (allow_breaks && !spaces && column_ > kBestWidth && i > 0 && i + 1 < value.size()) {
        WriteIndent();
        if (IsSpace(value, i + 1)) Put('\\');
        ++i;
      } else {
        Write(value, i);
      }
      spaces = true;
    } else {
      Write(value, i);
      spaces = false;
    }
  }
  WriteIndicator("\"", false, false, false);
  whitespace_ = indention_ = false;
}

void YamlEmitter::WriteLiteral(std::string_view value) {
  WriteIndicator("|", true, false, false);
  // Indentation hint when the text starts with a space or a break; chomping "-" without a
  // final break, "+" with more than one (or only one break), none with exactly one.
  if (IsSpace(value, 0) || IsBreak(value, 0)) {
    WriteIndicator(std::string(1, static_cast<char>('0' + kBestIndent)), false, false, false);
  }
  const char* chomp = nullptr;
  if (value.empty()) {
    chomp = "-";
  } else {
    std::size_t i = value.size() - 1;
    while ((At(value, i) & 0xC0) == 0x80) --i;
    if (!IsBreak(value, i)) {
      chomp = "-";
    } else if (i == 0) {
      chomp = "+";
    } else {
      --i;
      while ((At(value, i) & 0xC0) == 0x80) --i;
      if (IsBreak(value, i)) chomp = "+";
    }
  }
  if (chomp != nullptr) WriteIndicator(chomp, false, false, false);
  PutBreak();
  indention_ = whitespace_ = true;
  bool breaks = true;
  for (std::size_t i = 0; i < value.size();) {
    if (IsBreak(value, i)) {
      WriteBreak(value, i);
      indention_ = true;
      breaks = true;
    } else {
      if (breaks) WriteIndent();
      Write(value, i);
      indention_ = false;
      breaks = false;
    }
  }
}

}  // namespace pvcwatch::print
