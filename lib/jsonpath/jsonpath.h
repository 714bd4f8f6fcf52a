#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "json/value.h"
#include "jsonpath/node.h"
#include "jsonpath/result.h"

namespace pvcwatch::jsonpath {

/// A template failed on a document; the message is client-go's ("x is not found", "array
/// index out of bounds: index 3, length 3"), or the text of the panic Go would die with.
class ExecuteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// k8s.io/client-go/util/jsonpath's JSONPath: a parsed template, executed on documents
/// as kubectl's -o jsonpath and -o jsonpath-as-json printers execute it. Like upstream it
/// keeps state between executions: after a {range}, the next Execute starts where the last
/// range's body started (kubectl reuses one printer for every watch event).
class JsonPath {
 public:
  /// Parses `text`. Throws ParseError (jsonpath/parser.h) with upstream's text.
  explicit JsonPath(std::string_view text);

  /// When true a missing field or key yields nothing instead of "x is not found".
  void AllowMissingKeys(bool allow) { allow_missing_keys_ = allow; }
  /// When true each action's results print as one indented JSON array (-o jsonpath-as-json).
  void EnableJsonOutput(bool enable) { json_output_ = enable; }

  /// Appends what the template prints for `data` to `out`. Throws ExecuteError; `out` then
  /// holds what was printed before the failure, as a Go writer would.
  void Execute(const json::Value& data, std::string& out);

  /// The results of each top-level node, as upstream's FindResults; views into `data` and
  /// this template. Throws ExecuteError.
  std::vector<std::vector<Result>> FindResults(const json::Value& data);

  /// Appends one node's results as upstream's PrintResults: space-separated text, maps
  /// and slices as compact JSON; or one indented JSON array in JSON output mode.
  void PrintResults(const std::vector<Result>& results, std::string& out) const;

 private:
  using Results = std::vector<Result>;

  Results Walk(const Results& input, const Node& node, std::string& error);
  Results EvalList(const Results& input, const Node& list, std::string& error);
  Results EvalIdentifier(const Results& input, const Node& node, std::string& error);
  Results EvalArray(const Results& input, const Node& node, std::string& error) const;
  Results EvalUnion(const Results& input, const Node& node, std::string& error);
  Results EvalField(const Results& input, const Node& node, std::string& error) const;
  Results EvalFilter(const Results& input, const Node& node, std::string& error);
  std::vector<std::vector<Result>> FindResultsAt(const Result& data);

  Node root_;                   // the parsed template
  std::size_t root_begin_ = 0;  // upstream's Root.Nodes, always a suffix of root_.nodes
  int begin_range_ = 0;
  int in_range_ = 0;
  int end_range_ = 0;
  std::optional<std::size_t> last_end_node_;  // index into root_.nodes
  bool allow_missing_keys_ = false;
  bool json_output_ = false;
};

}  // namespace pvcwatch::jsonpath
