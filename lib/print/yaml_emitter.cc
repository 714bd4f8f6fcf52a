#include "print/yaml_emitter.h"

#include <stdexcept>

// Mirrors the parts of go.yaml.in/yaml/v2 emitterc.go that sigs.k8s.io/yaml output uses:
// implicit document, block mappings and sequences, flow only for empty collections, no
// tags or anchors, best_indent 2, best_width 80, Unix line breaks, unicode output.
namespace pvcwatch::print {
namespace {

constexpr int kBestIndent = 2;
constexpr std::size_t kMaxSimpleKeyLength = 128;

}  // namespace

void YamlEmitter::Scalar(std::string_view value, Style style) {
  const Analysis analysis = Analyze(value);
  EnterNode(!analysis.multiline && value.size() <= kMaxSimpleKeyLength);
  const Style selected = SelectStyle(style, value, analysis);
  IncreaseIndent(true, false);
  const bool allow_breaks = !simple_key_context_;
  switch (selected) {
    case Style::kPlain: WritePlain(value, allow_breaks); break;
    case Style::kSingleQuoted: WriteSingleQuoted(value, allow_breaks); break;
    case Style::kDoubleQuoted: WriteDoubleQuoted(value, allow_breaks); break;
    case Style::kLiteral: WriteLiteral(value); break;
  }
  PopIndent();
}

// yaml_emitter_select_scalar_style: plain falls back to single quotes when the content or
// the context forbids it; single quotes and literal blocks fall back to double quotes.
YamlEmitter::Style YamlEmitter::SelectStyle(Style style, std::string_view value,
                                            const Analysis& a) const {
  if (simple_key_context_ && a.multiline) return Style::kDoubleQuoted;
  if (style == Style::kPlain) {
    const bool plain_allowed = flow_level_ > 0 ? a.flow_plain_allowed : a.block_plain_allowed;
    if (!plain_allowed || (value.empty() && (flow_level_ > 0 || simple_key_context_))) {
      style = Style::kSingleQuoted;
    }
  }
  if (style == Style::kSingleQuoted && !a.single_quoted_allowed) style = Style::kDoubleQuoted;
  if (style == Style::kLiteral && (!a.block_allowed || flow_level_ > 0 || simple_key_context_)) {
    style = Style::kDoubleQuoted;
  }
  return style;
}

void YamlEmitter::BeginMapping(bool empty) {
  EnterNode(empty);
  if (flow_level_ > 0 || empty) {
    WriteIndicator("{", true, true, false);
    IncreaseIndent(true, false);
    ++flow_level_;
    stack_.push_back({Kind::kFlow});
  } else {
    IncreaseIndent(false, false);
    stack_.push_back({Kind::kBlockMapping});
  }
}

void YamlEmitter::EndMapping() { CloseCollection("}"); }

void YamlEmitter::BeginSequence(bool empty) {
  EnterNode(empty);
  if (flow_level_ > 0 || empty) {
    WriteIndicator("[", true, true, false);
    IncreaseIndent(true, false);
    ++flow_level_;
    stack_.push_back({Kind::kFlow});
  } else {
    // A sequence that is a mapping value stays at the key's indentation ("items:\n- a").
    IncreaseIndent(false, mapping_context_ && !indention_);
    stack_.push_back({Kind::kBlockSequence});
  }
}

void YamlEmitter::EndSequence() { CloseCollection("]"); }

void YamlEmitter::CloseCollection(const char* indicator) {
  if (stack_.empty()) throw std::logic_error("YamlEmitter: no open collection");
  const Kind kind = stack_.back().kind;
  stack_.pop_back();
  if (kind == Kind::kFlow) {
    --flow_level_;
    PopIndent();
    WriteIndicator(indicator, false, false, false);
  } else {
    PopIndent();
  }
}

void YamlEmitter::EndDocument() { WriteIndent(); }

// What libyaml writes before a node, by the state of the enclosing collection: "- " for a
// sequence item, the key's line start ("? " when it cannot be a simple key), ": " before a
// value.
void YamlEmitter::EnterNode(bool simple_key_allowed) {
  mapping_context_ = simple_key_context_ = false;
  if (stack_.empty()) return;
  Context& top = stack_.back();
  switch (top.kind) {
    case Kind::kBlockSequence:
      WriteIndent();
      WriteIndicator("-", true, false, true);
      return;
    case Kind::kBlockMapping:
      mapping_context_ = true;
      if (top.expect_key) {
        WriteIndent();
        top.simple_key = simple_key_allowed;
        if (simple_key_allowed) {
          simple_key_context_ = true;
        } else {
          WriteIndicator("?", true, false, true);
        }
      } else if (top.simple_key) {
        WriteIndicator(":", false, false, false);
      } else {
        WriteIndent();
        WriteIndicator(":", true, false, true);
      }
      top.expect_key = !top.expect_key;
      return;
    case Kind::kFlow: break;
  }
  throw std::logic_error("YamlEmitter: an empty collection got content");
}

void YamlEmitter::IncreaseIndent(bool flow, bool indentless) {
  indents_.push_back(indent_);
  if (indent_ < 0) {
    indent_ = flow ? kBestIndent : 0;
  } else if (!indentless) {
    indent_ += kBestIndent;
  }
}

void YamlEmitter::PopIndent() {
  indent_ = indents_.back();
  indents_.pop_back();
}

void YamlEmitter::Put(char c) {
  out_ += c;
  ++column_;
}

void YamlEmitter::PutBreak() {
  out_ += '\n';
  column_ = 0;
}

void YamlEmitter::WriteIndent() {
  const int indent = indent_ < 0 ? 0 : indent_;
  if (!indention_ || column_ > indent || (column_ == indent && !whitespace_)) PutBreak();
  while (column_ < indent) Put(' ');
  whitespace_ = indention_ = true;
}

void YamlEmitter::WriteIndicator(std::string_view indicator, bool need_whitespace,
                                 bool is_whitespace, bool is_indention) {
  if (need_whitespace && !whitespace_) Put(' ');
  for (char c : indicator) Put(c);
  whitespace_ = is_whitespace;
  indention_ = indention_ && is_indention;
}

}  // namespace pvcwatch::print
