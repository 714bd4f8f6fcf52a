// libFuzzer target for the JSONPath engine: any bytes either parse or throw ParseError;
// a template that parses runs on a PVC List, as text and as JSON output, twice (state
// carries over, as upstream's does), and fails only with ExecuteError.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "json/parser.h"
#include "jsonpath/jsonpath.h"
#include "jsonpath/parser.h"
#include "jsonpath/relaxed.h"

namespace {

using pvcwatch::jsonpath::ExecuteError;
using pvcwatch::jsonpath::JsonPath;
using pvcwatch::jsonpath::ParseError;

constexpr char kList[] = R"({"apiVersion":"v1","kind":"List","metadata":{"resourceVersion":""},
 "items":[{"metadata":{"name":"a","labels":{"app":"db"},"generation":2},
  "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}},
   "storageClassName":null},"status":{"phase":"Bound","capacity":{"storage":"1Gi"}}},
  null,{"metadata":{"name":"b"},"spec":{"n":[1,2.5,"x",true,[],{}]},"status":{}}]})";

void Run(std::string_view text, bool allow, bool json) {
  static const pvcwatch::json::Value doc = pvcwatch::json::Parse(kList);
  JsonPath path(text);
  path.AllowMissingKeys(allow);
  path.EnableJsonOutput(json);
  std::string out;
  for (int i = 0; i < 2; ++i) {
    try {
      path.Execute(doc, out);
    } catch (const ExecuteError&) {
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    pvcwatch::jsonpath::RelaxedJsonPathExpression(text);
  } catch (const ParseError&) {
  }
  try {
    Run(text, false, false);
    Run(text, true, true);
  } catch (const ParseError&) {
  }
  return 0;
}
