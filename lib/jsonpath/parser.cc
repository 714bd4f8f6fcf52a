#include "jsonpath/parser.h"

#include <optional>
#include <string>
#include <vector>

#include "go/strconv.h"
#include "go/strconv_float.h"
#include "go/unicode.h"
#include "go/utf8.h"
#include "jsonpath/go_format.h"
#include "jsonpath/unquote.h"

// A port of the scanner in k8s.io/client-go/util/jsonpath/parser.go (v0.37): the same
// states, the same lookahead and the same error texts, so that every template kubectl
// accepts or rejects is accepted or rejected here with the same words.
namespace pvcwatch::jsonpath {
namespace {

constexpr char32_t kEof = static_cast<char32_t>(-1);

bool IsSpace(char32_t r) { return r == ' ' || r == '\t'; }
bool IsEndOfLine(char32_t r) { return r == '\r' || r == '\n'; }
bool IsAlphaNumeric(char32_t r) { return r == '_' || go::IsLetter(r) || go::IsDigit(r); }

// What may follow an identifier or a field name.
bool IsTerminator(char32_t r) {
  if (IsSpace(r) || IsEndOfLine(r)) return true;
  switch (r) {
    case kEof:
    case '.':
    case ',':
    case '[':
    case ']':
    case '$':
    case '@':
    case '{':
    case '}': return true;
    default: return false;
  }
}

Node MakeNode(Node::Type type, std::string text = {}) {
  Node node;
  node.type = type;
  node.text = std::move(text);
  return node;
}

// Go's strconv.Atoi.
std::optional<std::int64_t> Atoi(std::string_view s) { return go::ParseIntOrNull(s); }

// The slice regexp ^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$ as FindStringSubmatch splits it.
std::optional<std::array<std::string, 3>> MatchSlice(std::string_view text) {
  std::array<std::string, 3> groups;
  std::size_t i = 0;
  auto signed_digits = [&] {
    const std::size_t begin = i;
    if (i < text.size() && text[i] == '-') ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return std::string(text.substr(begin, i - begin));
  };
  groups[0] = signed_digits();
  for (int g = 1; g < 3 && i < text.size() && text[i] == ':'; ++g) {
    ++i;
    groups[g] = ":" + signed_digits();
  }
  if (i != text.size()) return std::nullopt;
  return groups;
}

bool IsOperatorChar(char c) { return c == '!' || c == '<' || c == '>' || c == '='; }

class Parser {
 public:
  explicit Parser(std::string_view input) : input_(input) {}

  Node Run() {
    Node root = MakeNode(Node::Type::kList);
    ParseText(root);
    return root;
  }

 private:
  std::string_view Consume() {
    const std::string_view value = input_.substr(start_, pos_ - start_);
    start_ = pos_;
    return value;
  }

  char32_t Next() {
    if (pos_ >= input_.size()) {
      width_ = 0;
      return kEof;
    }
    const go::Rune rune = go::DecodeRune(input_.substr(pos_));
    width_ = rune.size;
    pos_ += width_;
    return rune.value;
  }

  void Backup() { pos_ -= width_; }

  char32_t Peek() {
    const char32_t r = Next();
    Backup();
    return r;
  }

  bool At(std::string_view prefix) const { return input_.substr(pos_).starts_with(prefix); }

  // Text up to each '{', then the action; upstream returns to the root after every '}'.
  void ParseText(Node& root) {
    for (;;) {
      if (At("{")) {
        FlushText(root);
        pos_ += 1;
        Consume();
        Node action = MakeNode(Node::Type::kList);
        ParseInsideAction(action);
        root.nodes.push_back(std::move(action));
        continue;
      }
      if (Next() == kEof) break;
    }
    FlushText(root);
  }

  void FlushText(Node& root) {
    if (pos_ > start_) root.nodes.push_back(MakeNode(Node::Type::kText, std::string(Consume())));
  }

  // One action, up to and including its '}'.
  void ParseInsideAction(Node& cur) {
    for (;;) {
      if (At("}")) {
        pos_ += 1;
        Consume();
        return;
      }
      if (At("[?(")) {
        ParseFilter(cur);
        continue;
      }
      if (At("..")) {
        ParseRecursive(cur);
        continue;
      }
      const char32_t r = Next();
      if (r == kEof || IsEndOfLine(r)) throw ParseError("unclosed action");
      if (r == ' ' || r == '@' || r == '$') {
        Consume();  // '@' and '$' are the current object: nothing to do
      } else if (r == '[') {
        ParseArray(cur);
      } else if (r == '"' || r == '\'') {
        ParseQuote(cur, static_cast<char>(r));
      } else if (r == '.') {
        ParseField(cur);
      } else if (r == '+' || r == '-' || go::IsDigit(r)) {
        Backup();
        ParseNumber(cur);
      } else if (IsAlphaNumeric(r)) {
        Backup();
        ParseIdentifier(cur);
      } else {
        throw ParseError("unrecognized character in action: " + FormatUnicode(r));
      }
    }
  }

  void ParseIdentifier(Node& cur) {
    while (!IsTerminator(Next())) {
    }
    Backup();
    const std::string value(Consume());
    if (value == "true" || value == "false") {
      Node node = MakeNode(Node::Type::kBool);
      node.boolean = value == "true";
      cur.nodes.push_back(std::move(node));
    } else {
      cur.nodes.push_back(MakeNode(Node::Type::kIdentifier, value));
    }
  }

  void ParseRecursive(Node& cur) {
    if (!cur.nodes.empty() && cur.nodes.back().type == Node::Type::kRecursive) {
      throw ParseError("invalid multiple recursive descent");
    }
    pos_ += 2;
    Consume();
    cur.nodes.push_back(MakeNode(Node::Type::kRecursive));
    if (IsAlphaNumeric(Peek())) ParseField(cur);
  }

  void ParseNumber(Node& cur) {
    const char32_t sign = Peek();
    if (sign == '+' || sign == '-') Next();
    for (;;) {
      const char32_t r = Next();
      if (r != '.' && !go::IsDigit(r)) {
        Backup();
        break;
      }
    }
    const std::string_view value = Consume();
    if (const std::optional<std::int64_t> i = Atoi(value)) {
      Node node = MakeNode(Node::Type::kInt);
      node.integer = *i;
      cur.nodes.push_back(std::move(node));
    } else if (const std::optional<double> d = go::ParseFloat(value)) {
      Node node = MakeNode(Node::Type::kFloat);
      node.real = *d;
      cur.nodes.push_back(std::move(node));
    } else {
      throw ParseError("cannot parse number " + std::string(value));
    }
  }

  void ParseArray(Node& cur) {
    for (;;) {
      const char32_t r = Next();
      if (r == kEof || r == '\n') throw ParseError("unterminated array");
      if (r == ']') break;
    }
    std::string_view text = Consume();
    text = text.substr(1, text.size() - 2);
    if (text == "*") text = ":";

    if (text.find(',') != std::string_view::npos) {  // a union, each part parsed on its own
      Node union_node = MakeNode(Node::Type::kUnion);
      for (std::size_t begin = 0;;) {
        const std::size_t comma = text.find(',', begin);
        const std::size_t length = comma == std::string_view::npos ? comma : comma - begin;
        std::string_view part = text.substr(begin, length);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        union_node.nodes.push_back(ParseAction("[" + std::string(part) + "]"));
        if (comma == std::string_view::npos) break;
        begin = comma + 1;
      }
      cur.nodes.push_back(std::move(union_node));
      return;
    }

    // ['key'] is the field .key, parsed as such: a '.' in the key still separates fields.
    if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'' &&
        text.substr(1, text.size() - 2).find('\'') == std::string_view::npos) {
      Node fields = ParseAction("." + std::string(text.substr(1, text.size() - 2)));
      for (Node& node : fields.nodes) cur.nodes.push_back(std::move(node));
      return;
    }

    std::optional<std::array<std::string, 3>> value = MatchSlice(text);
    if (!value) throw ParseError("invalid array index " + std::string(text));
    Node array = MakeNode(Node::Type::kArray);
    for (int i = 0; i < 3; ++i) {
      Param& param = array.params[i];
      std::string& part = (*value)[i];
      if (!part.empty()) {
        if (i > 0) part.erase(0, 1);
        if (i > 0 && part.empty()) {
          param.known = false;
        } else {
          param.known = true;
          const std::optional<std::int64_t> number = Atoi(part);
          if (!number) throw ParseError("array index " + part + " is not a number");
          param.value = *number;
        }
      } else if (i == 1) {
        param.known = true;
        const auto start = static_cast<std::uint64_t>(array.params[0].value);
        param.value = static_cast<std::int64_t>(start + 1);  // Go's int wraps
        param.derived = true;
      }
    }
    cur.nodes.push_back(std::move(array));
  }

  void ParseFilter(Node& cur) {
    pos_ += 3;
    Consume();
    bool begin = false, end = false;
    char32_t pair = 0;
    for (;;) {
      const char32_t r = Next();
      if (r == kEof || r == '\n') throw ParseError("unterminated filter");
      if (r == '"' || r == '\'') {
        if (!begin) {  // upstream expects at most one quoted string, opened once
          begin = true;
          pair = r;
          continue;
        }
        if (input_[pos_ - 2] != '\\' && r == pair) end = true;
      } else if (r == ')' && begin == end) {
        break;
      }
    }
    if (Next() != ']') throw ParseError("unclosed array expect ]");
    std::string_view text = Consume();
    text = text.substr(0, text.size() - 2);

    // ^([^!<>=]+)([!<>=]+)(.+?)$: a left side, an operator run, and at least one more byte.
    std::size_t left = 0;
    while (left < text.size() && !IsOperatorChar(text[left])) ++left;
    std::size_t op_end = left;
    while (op_end < text.size() && IsOperatorChar(text[op_end])) ++op_end;
    if (op_end == text.size() && op_end - left > 1) --op_end;  // the regexp backs off one
    Node filter = MakeNode(Node::Type::kFilter);
    if (left == 0 || op_end == left || op_end == text.size()) {
      filter.text = "exists";
      filter.nodes.push_back(ParseAction(text));
      filter.nodes.push_back(MakeNode(Node::Type::kList));
    } else {
      filter.text = std::string(text.substr(left, op_end - left));
      filter.nodes.push_back(ParseAction(text.substr(0, left)));
      filter.nodes.push_back(ParseAction(text.substr(op_end)));
    }
    cur.nodes.push_back(std::move(filter));
  }

  void ParseQuote(Node& cur, char end) {
    for (;;) {
      const char32_t r = Next();
      if (r == kEof || r == '\n') throw ParseError("unterminated quoted string");
      // Upstream looks one byte back only: "a\\" does not end at its last quote.
      if (r == static_cast<char32_t>(end) && input_[pos_ - 2] != '\\') break;
    }
    const std::string_view value = Consume();
    std::optional<std::string> s = UnquoteExtend(value);
    if (!s) throw ParseError("unquote string " + std::string(value) + " error invalid syntax");
    cur.nodes.push_back(MakeNode(Node::Type::kText, std::move(*s)));
  }

  void ParseField(Node& cur) {
    Consume();
    while (Advance()) {
    }
    const std::string_view value = Consume();
    if (value == "*") {
      cur.nodes.push_back(MakeNode(Node::Type::kWildcard));
      return;
    }
    std::string name;
    for (char c : value) {
      if (c != '\\') name += c;  // a backslash escapes a terminator, and is dropped
    }
    cur.nodes.push_back(MakeNode(Node::Type::kField, std::move(name)));
  }

  bool Advance() {
    const char32_t r = Next();
    if (r == '\\') {
      Next();
    } else if (IsTerminator(r)) {
      Backup();
      return false;
    }
    return true;
  }

  // Upstream's parseAction: the text parsed as "{text}", its one action returned.
  static Node ParseAction(std::string_view text) {
    Node root = Parser("{" + std::string(text) + "}").Run();
    return std::move(root.nodes.front());
  }

  // Run() on a temporary needs the text to outlive it.
  Parser(std::string&& owned) : owned_(std::move(owned)), input_(owned_) {}

  std::string owned_;
  std::string_view input_;
  std::size_t pos_ = 0;
  std::size_t start_ = 0;
  std::size_t width_ = 0;
};

}  // namespace

Node Parse(std::string_view text) { return Parser(text).Run(); }

}  // namespace pvcwatch::jsonpath
