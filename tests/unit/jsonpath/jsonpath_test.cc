#include "jsonpath/jsonpath.h"

#include <algorithm>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "json/parser.h"
#include "jsonpath/parser.h"
#include "vectors.h"

namespace pvcwatch::jsonpath {
namespace {

namespace data = boost::unit_test::data;
using json::Value;

struct Outcome {
  std::string output;
  std::string error;
};

Outcome Run(const std::string& text, const Value& doc, bool allow_missing_keys, bool json_output,
            int runs = 1) {
  Outcome outcome;
  try {
    JsonPath path(text);
    path.AllowMissingKeys(allow_missing_keys);
    path.EnableJsonOutput(json_output);
    for (int i = 0; i < runs; ++i) path.Execute(doc, outcome.output);
  } catch (const std::runtime_error& e) {  // ParseError or ExecuteError
    outcome.error = e.what();
  }
  return outcome;
}

// Each result printed on its own, sorted: what Go's random map order cannot change.
std::vector<std::string> Pieces(const std::string& text, const Value& doc,
                                bool allow_missing_keys) {
  JsonPath path(text);
  path.AllowMissingKeys(allow_missing_keys);
  std::vector<std::string> pieces;
  for (const auto& results : path.FindResults(doc)) {
    for (const Result& r : results) {
      std::string piece;
      path.PrintResults({r}, piece);
      pieces.push_back(piece);
    }
  }
  std::sort(pieces.begin(), pieces.end());
  return pieces;
}

Outcome RunList(const std::string& text, bool allow_missing_keys = true) {
  return Run(text, testing::JsonPathDocument("list"), allow_missing_keys, false);
}

// A field of a vector; hex when the vector says so (bytes that are not UTF-8).
std::string Field(const Value& v, const char* name) {
  const std::string_view text = v[name].AsString();
  if (!v["hex"].AsBool()) return std::string(text);
  std::string bytes;
  for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
    bytes += static_cast<char>(std::stoi(std::string(text.substr(i, 2)), nullptr, 16));
  }
  return bytes;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(jsonpath_test)

// client-go's output or error text for every template × document of the oracle.
BOOST_DATA_TEST_CASE(matches_client_go, data::xrange(testing::JsonPathVectorCount("engine")),
                     index) {
  const Value& v = testing::JsonPathVectors()["engine"].items()[index];
  const std::string text = Field(v, "template");
  const std::string stage(v["stage"].AsString());
  const bool allow = v["allowMissingKeys"].AsBool(), as_json = v["jsonOutput"].AsBool();
  BOOST_TEST_CONTEXT("template " << text << " on " << v["document"].AsString()
                                 << ", allowMissingKeys " << allow << ", jsonOutput " << as_json) {
    if (stage == "parse") {
      BOOST_TEST(Run(text, Value(), allow, as_json).error == Field(v, "error"));
      return;
    }
    const Value& doc = testing::JsonPathDocument(std::string(v["document"].AsString()));
    const int runs = std::stoi(std::string(v["runs"].AsString()));
    const Outcome got = Run(text, doc, allow, as_json, runs);
    if (!v["unordered"].AsBool()) {
      BOOST_TEST(got.output == Field(v, "output"));
      BOOST_TEST(got.error == Field(v, "error"));
      return;
    }
    // Go iterated a map in random order: ours (document order) must be one Go printed, or
    // print the same results.
    bool seen = false;
    for (const Value& o : v["outcomes"].items()) {
      seen = seen || (got.output == o["output"].AsString() && got.error == o["error"].AsString());
    }
    if (!seen && !v["pieces"].items().empty() && got.error.empty()) {
      std::vector<std::string> expected;
      for (const Value& piece : v["pieces"].items()) expected.emplace_back(piece.AsString());
      seen = Pieces(text, doc, allow) == expected;
    }
    BOOST_TEST(seen, "output " << got.output << " error " << got.error);
  }
}

BOOST_AUTO_TEST_CASE(text_outside_braces_is_printed_as_is) {
  BOOST_TEST(RunList("kind: {.kind}}").output == "kind: List}");
}

BOOST_AUTO_TEST_CASE(results_of_one_action_are_separated_by_spaces) {
  BOOST_TEST(RunList("{.items[*].metadata.namespace}").output == "prod dev prod");
}

BOOST_AUTO_TEST_CASE(range_prints_its_body_once_per_item) {
  BOOST_TEST(RunList(R"({range .items[*]}{.metadata.name}{"\n"}{end})").output ==
             "data-0\nlogs\nünïcode-名前\n");
}

BOOST_AUTO_TEST_CASE(a_missing_key_is_an_error_unless_allowed) {
  BOOST_TEST(RunList("{.status}", false).error == "status is not found");
  BOOST_TEST(RunList("{.status}", true).error.empty());
}

BOOST_AUTO_TEST_CASE(quoted_key_with_a_dot_is_two_fields_as_upstream) {
  BOOST_TEST(RunList("{.items[0].metadata.annotations['kubernetes.io/created-by']}", false).error ==
             "kubernetes is not found");
  BOOST_TEST(RunList(R"({.items[0].metadata.annotations.kubernetes\.io/created-by})").output ==
             "tester");
}

BOOST_AUTO_TEST_CASE(wildcard_over_a_map_follows_document_order) {
  const Value doc = json::Parse(R"({"m": {"z": 1, "a": 2, "k": 3}})");
  BOOST_TEST(Run("{.m.*}", doc, false, false).output == "1 2 3");
}

BOOST_AUTO_TEST_CASE(integers_and_floats_print_as_go_prints_int64_and_float64) {
  const Value doc = json::Parse(R"({"n": [3, 2.0, 1e6, 0.5, 12345678901234567890]})");
  BOOST_TEST(Run("{.n[*]}", doc, false, false).output == "3 2 1e+06 0.5 1.2345678901234567e+19");
  BOOST_TEST(Run("{.n[*]}", doc, false, true).output ==
             "[\n    3,\n    2,\n    1000000,\n    0.5,\n    12345678901234567000\n]\n");
}

BOOST_AUTO_TEST_CASE(an_int_field_does_not_compare_with_a_float_literal) {
  const Value doc = json::Parse(R"({"a": [{"n": 1}]})");
  BOOST_TEST(Run("{.a[?(@.n>0.5)]}", doc, false, false).error ==
             "incompatible types for comparison");
}

BOOST_AUTO_TEST_CASE(a_reused_template_resumes_at_its_last_range_body) {
  // Upstream leaves Root.Nodes at the range's body, so a second Execute (kubectl prints
  // every watch event through one printer) starts there and meets a stray {end}.
  const Value& doc = testing::JsonPathDocument("claim");
  JsonPath path("{.kind}:{range .spec.accessModes[*]}{@}{end}.");
  std::string first, second;
  path.Execute(doc, first);
  BOOST_TEST(first == "PersistentVolumeClaim:ReadWriteOnce.");
  BOOST_CHECK_EXCEPTION(path.Execute(doc, second), ExecuteError, [](const ExecuteError& e) {
    return std::string(e.what()) == "not in range, nothing to end";
  });
}

BOOST_AUTO_TEST_CASE(parse_errors_carry_upstream_text) {
  BOOST_CHECK_EXCEPTION(JsonPath("{.a"), ParseError, [](const ParseError& e) {
    return std::string(e.what()) == "unclosed action";
  });
  BOOST_CHECK_EXCEPTION(JsonPath("{#}"), ParseError, [](const ParseError& e) {
    return std::string(e.what()) == "unrecognized character in action: U+0023 '#'";
  });
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_an_action_is_the_replacement_character) {
  BOOST_CHECK_EXCEPTION(JsonPath("{\xff}"), ParseError, [](const ParseError& e) {
    return std::string(e.what()) == "unrecognized character in action: U+FFFD '\xEF\xBF\xBD'";
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::jsonpath
