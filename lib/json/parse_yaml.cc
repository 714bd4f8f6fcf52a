#include "json/parse_yaml.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <regex>
#include <sstream>
#include <string>

namespace pvcwatch::json {
namespace {

// goyaml v2's resolution of plain scalars (YAML 1.1 core words, decimal/hex/octal ints
// and floats); anything else stays a string.
Value Scalar(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() != "?") return Value::String(text);  // quoted or explicitly tagged
  static const std::regex kNull("~|null|Null|NULL|");
  static const std::regex kTrue("y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON");
  static const std::regex kFalse("n|N|no|No|NO|false|False|FALSE|off|Off|OFF");
  static const std::regex kInt("[-+]?(0|[1-9][0-9_]*)");
  static const std::regex kFloat("[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+");
  if (std::regex_match(text, kNull)) return Value();
  if (std::regex_match(text, kTrue)) return Value::Bool(true);
  if (std::regex_match(text, kFalse)) return Value::Bool(false);
  if (std::regex_match(text, kInt) || std::regex_match(text, kFloat)) {
    std::string digits;
    for (char c : text) {
      if (c != '_') digits.push_back(c);
    }
    if (digits.front() == '+') digits.erase(digits.begin());
    return Value::Number(digits);
  }
  return Value::String(text);
}

Value Convert(const YAML::Node& node, int depth) {
  // yaml-cpp guards its own parser depth; the conversion is bounded the same way.
  if (depth > 1000) throw ParseError("invalid YAML: nested too deeply");
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return Value();
    case YAML::NodeType::Scalar:
      return Scalar(node);
    case YAML::NodeType::Sequence: {
      Value::Array items;
      for (const YAML::Node& item : node) items.push_back(Convert(item, depth + 1));
      return Value::MakeArray(std::move(items));
    }
    case YAML::NodeType::Map: {
      Value object = Value::MakeObject();
      for (const auto& member : node) {
        if (!member.first.IsScalar()) {
          throw ParseError("invalid YAML at line " + std::to_string(member.first.Mark().line + 1) +
                           ": a mapping key must be a string");
        }
        object.Set(member.first.Scalar(), Convert(member.second, depth + 1));
      }
      return object;
    }
  }
  return Value();
}

// Where each document starts, and nothing else.
class DocumentStarts : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

  YAML::Mark start;
};

// yaml-cpp 0.7's LoadAll never returns when a document cannot begin with the next token
// (a stray ',' at the top level): every round yields a null document without consuming
// it, until memory runs out (jbeder/yaml-cpp#1040, fixed upstream after 0.8.0). This
// walks the documents first and fails where one starts where the previous one did, with
// the text goyaml gives for such a token.
void CheckDocumentsAdvance(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentStarts starts;
  int previous = -1;
  while (parser.HandleNextDocument(starts)) {
    if (starts.start.pos == previous) {
      throw YAML::ParserException(starts.start, "did not find expected node content");
    }
    previous = starts.start.pos;
  }
}

}  // namespace

Value FromYaml(const YAML::Node& node) { return Convert(node, 0); }

std::vector<Value> ParseYaml(std::string_view text) {
  std::vector<Value> documents;
  try {
    const std::string yaml(text);
    CheckDocumentsAdvance(yaml);
    for (const YAML::Node& document : YAML::LoadAll(yaml)) {
      if (document.IsNull()) continue;  // an empty document between ---
      documents.push_back(Convert(document, 0));
    }
  } catch (const YAML::Exception& e) {
    throw ParseError("invalid YAML at line " + std::to_string(e.mark.line + 1) + ", column " +
                     std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  return documents;
}

}  // namespace pvcwatch::json
