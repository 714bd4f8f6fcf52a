#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pvcwatch::print {

/// Writes one YAML document in block style as go.yaml.in/yaml/v2's emitter (libyaml's)
/// lays it out: 2-space indent, sequences under a key not indented, empty collections as
/// {} and [], long scalars folded at column 80, each scalar in the style asked for unless
/// its content forbids it (plain -> single-quoted -> double-quoted).
class YamlEmitter {
 public:
  /// Scalar styles. goyaml's encoder asks for plain, double-quoted or literal; the emitter
  /// falls back from plain to single quotes and from those or literal to double quotes.
  enum class Style { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral };

  /// Appends the document to `out`.
  explicit YamlEmitter(std::string& out) : out_(out) {}

  /// A scalar node: a value, a sequence item or a mapping key (keys and values alternate).
  void Scalar(std::string_view value, Style style);
  /// Starts a mapping; an empty one is written as {} and must be closed right away.
  void BeginMapping(bool empty);
  void EndMapping();
  /// Starts a sequence; an empty one is written as [] and must be closed right away.
  void BeginSequence(bool empty);
  void EndSequence();
  /// Ends the document (the final line break).
  void EndDocument();

 private:
  enum class Kind { kBlockMapping, kBlockSequence, kFlow };
  struct Context {
    Kind kind;
    bool expect_key = true;
    bool simple_key = true;
  };
  struct Analysis {
    bool multiline = false;
    bool flow_plain_allowed = false;
    bool block_plain_allowed = true;
    bool single_quoted_allowed = true;
    bool block_allowed = false;
  };

  static Analysis Analyze(std::string_view value);

  void EnterNode(bool simple_key_allowed);
  void IncreaseIndent(bool flow, bool indentless);
  void PopIndent();
  void CloseCollection(const char* indicator);
  Style SelectStyle(Style requested, std::string_view value, const Analysis& analysis) const;

  void Put(char c);
  void PutBreak();
  void Write(std::string_view value, std::size_t& i);
  void WriteBreak(std::string_view value, std::size_t& i);
  void WriteIndent();
  void WriteIndicator(std::string_view indicator, bool need_whitespace, bool is_whitespace,
                      bool is_indention);
  void WritePlain(std::string_view value, bool allow_breaks);
  void WriteSingleQuoted(std::string_view value, bool allow_breaks);
  void WriteDoubleQuoted(std::string_view value, bool allow_breaks);
  void WriteLiteral(std::string_view value);

  std::string& out_;
  std::vector<Context> stack_;
  std::vector<int> indents_;
  int indent_ = -1;
  int flow_level_ = 0;
  int column_ = 0;
  bool whitespace_ = true;
  bool indention_ = true;
  // What the current node is: set on entering each node, as libyaml's emit_node does.
  bool mapping_context_ = false;
  bool simple_key_context_ = false;
};

}  // namespace pvcwatch::print
