#include "jsonpath/jsonpath.h"

#include <cstdint>
#include <sstream>
#include <utility>

#include "json/encode.h"
#include "jsonpath/compare.h"
#include "jsonpath/go_format.h"
#include "jsonpath/parser.h"

// A port of the evaluator in k8s.io/client-go/util/jsonpath/jsonpath.go (v0.37). Each
// Eval* returns what upstream returns beside its error, because an existence filter
// ([?(@.x)]) ignores the error and keeps whatever came back. Where upstream would panic
// (reflect on a zero Value), an ExecuteError carries the panic's text instead.
namespace pvcwatch::jsonpath {
namespace {

using Results = std::vector<Result>;

constexpr char kZeroInterface[] = "reflect: call of reflect.Value.Interface on zero Value";
constexpr char kZeroType[] = "reflect: call of reflect.Value.Type on zero Value";

// template.Indirect: a JSON null is a nil interface, which most steps skip.
bool IsNil(const Result& r) { return r.kind == Result::Kind::kDocument && r.document->IsNull(); }

// Go's int arithmetic wraps.
std::int64_t Add(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}

// reflect.ValueOf(v.Interface()): what a range hands its body. A JSON null becomes the
// zero Value, which prints as <no value>.
Result Reinterface(const Result& r) {
  if (r.kind == Result::Kind::kInvalid) throw ExecuteError(kZeroInterface);
  return IsNil(r) ? Result{} : r;
}

// The elements a wildcard or recursive descent visits: a map's values (document order,
// where Go's is random), a slice's items, a string's bytes.
Results Children(const Result& r) {
  Results children;
  switch (KindOf(r)) {
    case GoKind::kMap:
      for (const auto& member : r.document->members()) {
        children.push_back(Result::Document(member.second));
      }
      break;
    case GoKind::kSlice:
      for (const auto& item : r.document->items()) children.push_back(Result::Document(item));
      break;
    case GoKind::kString:
      for (char c : StringOf(r)) children.push_back(Result::Byte(static_cast<unsigned char>(c)));
      break;
    default: break;
  }
  return children;
}

Results EvalWildcard(const Results& input) {
  Results results;
  for (const Result& value : input) {
    if (IsNil(value)) continue;
    Results children = Children(value);
    results.insert(results.end(), children.begin(), children.end());
  }
  return results;
}

Results EvalRecursive(const Results& input) {
  Results results;
  for (const Result& value : input) {
    if (IsNil(value)) continue;
    const Results children = Children(value);
    if (children.empty()) continue;
    results.push_back(value);
    const Results below = EvalRecursive(children);
    results.insert(results.end(), below.begin(), below.end());
  }
  return results;
}

json::Value ToJson(const Result& r) {
  switch (r.kind) {
    case Result::Kind::kInvalid: throw ExecuteError(kZeroInterface);
    case Result::Kind::kDocument: return *r.document;
    case Result::Kind::kText: return json::Value::String(std::string(r.text));
    case Result::Kind::kInt:
    case Result::Kind::kByte: return json::Value::Number(std::to_string(r.integer));
    case Result::Kind::kFloat: return json::Value::Number(json::FormatJsonFloat(r.real));
    case Result::Kind::kBool: return json::Value::Bool(r.boolean);
  }
  return {};
}

}  // namespace

JsonPath::JsonPath(std::string_view text) : root_(Parse(text)) {}

void JsonPath::Execute(const json::Value& data, std::string& out) {
  for (const Results& results : FindResults(data)) PrintResults(results, out);
}

std::vector<Results> JsonPath::FindResults(const json::Value& data) {
  try {
    return FindResultsAt(Result::Document(data));
  } catch (const std::invalid_argument& e) {  // a number beyond float64, which Go cannot decode
    throw ExecuteError(e.what());
  }
}

// Upstream's FindResults: a {range} runs the nodes after it once per value, from the
// current Root.Nodes, and {end} stops that run; then this loop skips to the {end} seen last.
std::vector<Results> JsonPath::FindResultsAt(const Result& data) {
  const Results cur{data};
  const std::size_t view = root_begin_;
  const std::size_t count = root_.nodes.size() - view;
  std::vector<Results> full;
  for (std::size_t i = 0; i < count; ++i) {
    std::string error;
    Results results = Walk(cur, root_.nodes[view + i], error);
    if (!error.empty()) throw ExecuteError(error);

    if (end_range_ > 0 && end_range_ <= in_range_) {
      --end_range_;
      last_end_node_ = view + i;
      break;
    }
    if (begin_range_ > 0) {
      --begin_range_;
      ++in_range_;
      if (results.empty()) {
        root_begin_ = view + i + 1;  // still walk the body, to find its {end}
        FindResultsAt(Result{});
      }
      for (const Result& value : results) {
        root_begin_ = view + i + 1;
        std::vector<Results> next = FindResultsAt(Reinterface(value));
        for (Results& group : next) full.push_back(std::move(group));
      }
      --in_range_;
      for (std::size_t k = i + 1; k < count; ++k) {
        if (last_end_node_ == view + k) {
          i = k;
          break;
        }
      }
      continue;
    }
    full.push_back(std::move(results));
  }
  return full;
}

void JsonPath::PrintResults(const Results& results, std::string& out) const {
  try {
    if (json_output_) {
      json::Value array = json::Value::MakeArray();
      for (const Result& r : results) array.items().push_back(ToJson(r));
      std::ostringstream text;
      json::PrintJson(array, text);
      out += text.str();
      return;
    }
    for (std::size_t i = 0; i < results.size(); ++i) {
      const Result& r = results[i];
      const GoKind kind = KindOf(r);
      if (kind == GoKind::kMap || kind == GoKind::kSlice) {
        out += json::CompactJson(*r.document);
      } else if (kind == GoKind::kInvalid) {
        out += "<no value>";  // template.PrintableValue
      } else if (kind == GoKind::kNil) {
        out += "null";
      } else {
        out += FormatScalar(r);
      }
      if (i + 1 != results.size()) out += ' ';
    }
  } catch (const std::invalid_argument& e) {
    throw ExecuteError(e.what());
  }
}

Results JsonPath::Walk(const Results& input, const Node& node, std::string& error) {
  switch (node.type) {
    case Node::Type::kList: return EvalList(input, node, error);
    case Node::Type::kText: return {Result::Text(node.text)};
    case Node::Type::kField: return EvalField(input, node, error);
    case Node::Type::kArray: return EvalArray(input, node, error);
    case Node::Type::kFilter: return EvalFilter(input, node, error);
    case Node::Type::kInt: return Results(input.size(), Result::Int(node.integer));
    case Node::Type::kFloat: return Results(input.size(), Result::Float(node.real));
    case Node::Type::kBool: return Results(input.size(), Result::Bool(node.boolean));
    case Node::Type::kWildcard: return EvalWildcard(input);
    case Node::Type::kRecursive: return EvalRecursive(input);
    case Node::Type::kUnion: return EvalUnion(input, node, error);
    case Node::Type::kIdentifier: return EvalIdentifier(input, node, error);
  }
  return input;
}

Results JsonPath::EvalList(const Results& input, const Node& list, std::string& error) {
  Results cur = input;
  for (const Node& node : list.nodes) {
    cur = Walk(cur, node, error);
    if (!error.empty()) break;
  }
  return cur;
}

Results JsonPath::EvalIdentifier(const Results& input, const Node& node, std::string& error) {
  if (node.text == "range") {
    ++begin_range_;
    return input;
  }
  if (node.text == "end") {
    if (in_range_ > 0) {
      ++end_range_;
    } else {
      error = "not in range, nothing to end";
    }
    return {};
  }
  error = "unrecognized identifier " + node.text;
  return input;
}

Results JsonPath::EvalArray(const Results& input, const Node& node, std::string& error) const {
  Results results;
  for (const Result& value : input) {
    if (IsNil(value)) continue;
    if (value.kind == Result::Kind::kInvalid) throw ExecuteError(kZeroType);
    if (KindOf(value) != GoKind::kSlice) {
      error = std::string(TypeName(value)) + " is not array or slice";
      return input;
    }
    const json::Value::Array& items = value.document->items();
    const auto length = static_cast<std::int64_t>(items.size());
    std::array<Param, 3> params = node.params;
    if (!params[0].known) params[0].value = 0;
    if (params[0].value < 0) params[0].value = Add(params[0].value, length);
    if (!params[1].known) params[1].value = length;
    if (params[1].value < 0 || (params[1].value == 0 && params[1].derived)) {
      params[1].value = Add(params[1].value, length);
    }
    const std::int64_t start = params[0].value, end = params[1].value;
    if (start == end) return results;  // zero elements asked for: upstream stops here
    if (start >= length || start < 0) {
      error = "array index out of bounds: index " + std::to_string(start) + ", length " +
              std::to_string(length);
      return input;
    }
    if (end > length || end < 0) {
      error = "array index out of bounds: index " + std::to_string(Add(end, -1)) + ", length " +
              std::to_string(length);
      return input;
    }
    if (start > end) {
      error = "starting index " + std::to_string(start) + " is greater than ending index " +
              std::to_string(end);
      return input;
    }
    std::int64_t step = 1;
    if (params[2].known) {
      if (params[2].value <= 0) {
        error = "step must be > 0";
        return input;
      }
      step = params[2].value;
    }
    for (std::int64_t i = start; i<end; i = end - i> step ? i + step : end) {
      results.push_back(Result::Document(items[static_cast<std::size_t>(i)]));
    }
  }
  return results;
}

Results JsonPath::EvalUnion(const Results& input, const Node& node, std::string& error) {
  Results results;
  for (const Node& list : node.nodes) {
    Results part = EvalList(input, list, error);
    if (!error.empty()) return input;
    results.insert(results.end(), part.begin(), part.end());
  }
  return results;
}

Results JsonPath::EvalField(const Results& input, const Node& node, std::string& error) const {
  Results results;
  if (input.empty()) return results;
  for (const Result& value : input) {
    if (KindOf(value) != GoKind::kMap) continue;  // nil, or no field to look up
    if (const json::Value* found = value.document->Find(node.text)) {
      results.push_back(Result::Document(*found));
    }
  }
  if (results.empty() && !allow_missing_keys_) error = node.text + " is not found";
  return results;
}

Results JsonPath::EvalFilter(const Results& input, const Node& node, std::string& error) {
  Results results;
  const std::string& op = node.text;
  for (const Result& value : input) {
    if (KindOf(value) != GoKind::kSlice) {
      error = FormatValue(value) + " is not array or slice and cannot be filtered";
      return input;
    }
    for (const json::Value& item : value.document->items()) {
      const Results temp{Result::Document(item)};
      std::string left_error;
      const Results lefts = EvalList(temp, node.nodes[0], left_error);
      if (op == "exists") {
        if (!lefts.empty()) results.push_back(temp[0]);
        continue;
      }
      if (!left_error.empty()) {
        error = left_error;
        return input;
      }
      if (lefts.empty()) continue;
      if (lefts.size() > 1) {
        error = "can only compare one element at a time";
        return input;
      }
      const Result left = Reinterface(lefts[0]);
      const Results rights = EvalList(temp, node.nodes[1], error);
      if (!error.empty()) return input;
      if (rights.empty()) continue;
      if (rights.size() > 1) {
        error = "can only compare one element at a time";
        return input;
      }
      const Result right = Reinterface(rights[0]);
      if (op != "<" && op != ">" && op != "==" && op != "!=" && op != "<=" && op != ">=") {
        error = "unrecognized filter operator " + op;
        return results;
      }
      const bool pass = Compare(op, left, right, error);
      if (!error.empty()) return results;
      if (pass) results.push_back(temp[0]);
    }
  }
  return results;
}

}  // namespace pvcwatch::jsonpath
