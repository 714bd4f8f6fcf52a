#include "json/parse_yaml.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <string>
#include <utility>

#include "go/yaml_resolve.h"

namespace pvcwatch::json {
namespace {

// A scalar as sigs.k8s.io/yaml converts it: quoted or tagged ones stay strings, plain
// ones resolve as goyaml v2 resolves them.
Value Scalar(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() != "?") return Value::String(text);
  go::YamlScalar scalar = go::ResolvePlainScalar(text);
  switch (scalar.kind) {
    case go::YamlScalar::Kind::kNull: return Value();
    case go::YamlScalar::Kind::kBool: return Value::Bool(scalar.boolean);
    case go::YamlScalar::Kind::kInt: return Value::Number(std::move(scalar.number));
    case go::YamlScalar::Kind::kFloat:
      // JSON has no infinities or NaN: YAMLToJSON fails in json.Marshal.
      if (scalar.number.find_first_of("IN") != std::string::npos) {
        throw ParseError("json: unsupported value: " + scalar.number);
      }
      return Value::Number(std::move(scalar.number));
    case go::YamlScalar::Kind::kString: break;
  }
  return Value::String(text);
}

Value Convert(const YAML::Node& node, int depth) {
  // yaml-cpp guards its own parser depth; the conversion is bounded the same way.
  if (depth > 1000) throw ParseError("invalid YAML: nested too deeply");
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: return Value();
    case YAML::NodeType::Scalar: return Scalar(node);
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
