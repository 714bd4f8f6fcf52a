#include "print/custom_columns.h"

#include <stdlib.h>
#include <unistd.h>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "../test_data.h"
#include "json/parser.h"
#include "json/value.h"
#include "print/tab_writer.h"

namespace pvcwatch::print {
namespace {

namespace data = boost::unit_test::data;
using json::Value;

// tests/data/custom_columns/vectors.json, written by tests/oracle/custom_columns/regenerate.sh
// from kubectl's customcolumn.go: {"documents", "decodeErrors", "printers", "flags"}.
const Value& Vectors() {
  static const Value vectors = testing::ParseTestData("custom_columns/vectors.json");
  return vectors;
}

std::size_t VectorCount(const char* section) { return Vectors()[section].items().size(); }

// A document of the vectors, parsed as the plugin parses what the server sends.
const Value& Document(std::string_view name) {
  static std::map<std::string, Value, std::less<>> documents;
  auto it = documents.find(name);
  if (it == documents.end()) {
    it = documents.emplace(name, json::Parse(Vectors()["documents"][name].AsString())).first;
  }
  return it->second;
}

struct Outcome {
  std::string output;
  std::vector<std::string> errors;
};

// What one printer and one tab writer print for the documents in turn, flushing after each
// ("each", a watch) or once at the end; a failed PrintObject's error, "" for none.
Outcome PrintAll(CustomColumnsPrinter& printer, const Value& names, bool flush_each) {
  Outcome outcome;
  std::ostringstream out;
  TabWriter writer(out);
  for (const Value& name : names.items()) {
    std::string error;
    try {
      printer.PrintObject(Document(name.AsString()), writer);
    } catch (const CustomColumnsError& e) {
      error = e.what();
    }
    outcome.errors.push_back(error);
    if (flush_each) writer.Flush();
  }
  writer.Flush();
  outcome.output = out.str();
  return outcome;
}

std::vector<std::string> Strings(const Value& array) {
  std::vector<std::string> out;
  for (const Value& item : array.items()) out.emplace_back(item.AsString());
  return out;
}

std::string Joined(const std::vector<std::string>& errors) {
  std::string out;
  for (const std::string& e : errors) out += "[" + e + "]";
  return out;
}

// Prints `documents` (JSON texts) with `spec`, one PrintObject each, flushing at the end.
std::string Print(std::string_view spec, const std::vector<std::string>& documents,
                  bool no_headers = false) {
  CustomColumnsPrinter printer = CustomColumnsPrinter::FromSpec(spec, no_headers);
  std::ostringstream out;
  TabWriter writer(out);
  for (const std::string& document : documents) printer.PrintObject(json::Parse(document), writer);
  writer.Flush();
  return out.str();
}

std::string ErrorOf(std::string_view spec, std::string_view document = R"({"kind":"X"})") {
  try {
    Print(spec, {std::string(document)});
  } catch (const CustomColumnsError& e) {
    return e.what();
  }
  return "";
}

std::string TemplateErrorOf(std::string_view text) {
  try {
    CustomColumnsPrinter::FromTemplate(text);
  } catch (const CustomColumnsError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(custom_columns_test)

// kubectl's output and error text for every spec or template × documents of the oracle.
BOOST_DATA_TEST_CASE(matches_kubectl, data::xrange(VectorCount("printers")), index) {
  const Value& v = Vectors()["printers"].items()[index];
  const std::string text(v["text"].AsString());
  const bool is_template = v["template"].AsBool(), no_headers = v["noHeaders"].AsBool();
  BOOST_TEST_CONTEXT((is_template ? "template " : "spec ")
                     << text.substr(0, 200) << ", noHeaders " << no_headers << ", flush "
                     << v["flush"].AsString() << ", documents "
                     << Joined(Strings(v["documents"]))) {
    std::optional<CustomColumnsPrinter> printer;
    std::string build_error;
    try {
      printer = is_template ? CustomColumnsPrinter::FromTemplate(text)
                            : CustomColumnsPrinter::FromSpec(text, no_headers);
    } catch (const CustomColumnsError& e) {
      build_error = e.what();
    }
    BOOST_TEST(build_error == v["buildError"].AsString());
    if (!printer) return;
    const Outcome got = PrintAll(*printer, v["documents"], v["flush"].AsString() == "each");
    if (!v["unordered"].AsBool()) {
      BOOST_TEST(got.output == v["output"].AsString());
      BOOST_TEST(got.errors == Strings(v["errors"]), boost::test_tools::per_element());
      return;
    }
    // Go visited a map in random order: ours (document order) must be one Go printed.
    bool seen = false;
    for (const Value& o : v["outcomes"].items()) {
      seen = seen || (got.output == o["output"].AsString() && got.errors == Strings(o["errors"]));
    }
    BOOST_TEST(seen, "output " << got.output << " errors " << Joined(got.errors));
  }
}

// CustomColumnsPrintFlags.ToPrinter's wording, and custom-columns-file read from a file.
BOOST_DATA_TEST_CASE(flags_match_kubectl, data::xrange(VectorCount("flags")), index) {
  const Value& v = Vectors()["flags"].items()[index];
  const bool no_headers = v["noHeaders"].AsBool();
  BOOST_TEST_CONTEXT(v["format"].AsString()
                     << "=" << v["value"].AsString() << ", noHeaders " << no_headers << ", file "
                     << v["fileText"].AsString()) {
    char pattern[] = "/tmp/pvcwatch-custom-columns-test-XXXXXX";
    const std::string dir = ::mkdtemp(pattern);
    const std::string file = dir + "/template";
    std::string path(v["value"].AsString());
    if (v.Find("fileText")) {
      path = file;
      std::ofstream(file, std::ios::binary) << v["fileText"].AsString();
    }
    // PrintObj to a plain writer flushes its own tab writer on the way out, error or not.
    std::ostringstream out;
    TabWriter writer(out);
    std::string error;
    try {
      CustomColumnsPrinter printer =
          v["format"].AsString() == "custom-columns"
              ? CustomColumnsPrinter::FromSpec(v["value"].AsString(), no_headers)
              : CustomColumnsPrinter::LoadTemplate(path);
      printer.PrintObject(Document(v["document"].AsString()), writer);
    } catch (const CustomColumnsError& e) {
      error = e.what();
    }
    writer.Flush();
    const std::string output = out.str();
    std::string want_error(v["error"].AsString());
    // kubectl's "error reading template" ends in "\n", which its error handler keeps single.
    if (!want_error.empty() && want_error.back() == '\n') want_error.pop_back();
    BOOST_TEST(error == want_error);
    BOOST_TEST(output == v["output"].AsString());
    std::remove(file.c_str());
    ::rmdir(dir.c_str());
  }
}

BOOST_AUTO_TEST_CASE(spec_errors_are_kubectls_text) {
  BOOST_TEST(ErrorOf("") == "custom-columns format specified but no custom columns given");
  BOOST_TEST(ErrorOf("NAME:.metadata.name,SIZE") ==
             "unexpected custom-columns spec: SIZE, expected <header>:<json-path-expr>");
  BOOST_TEST(ErrorOf("NAME:{.metadata.name") ==
             "unexpected path string, expected a 'name1.name2' or '.name1.name2' or "
             "'{name1.name2}' or '{.name1.name2}'");
  // A path JSONPath rejects passes the spec and fails when printing.
  BOOST_TEST(ErrorOf("NAME:.metadata[") == "unterminated array");
  BOOST_TEST(ErrorOf("X:.spec.modes[2]", R"({"kind":"X","spec":{"modes":["a"]}})") ==
             "array index out of bounds: index 2, length 1");
}

BOOST_AUTO_TEST_CASE(template_errors_are_kubectls_text) {
  const std::string format =
      " Expected format is one line of space separated headers, one line of space separated "
      "column specs.";
  BOOST_TEST(TemplateErrorOf("") == "invalid template, missing header line." + format);
  BOOST_TEST(TemplateErrorOf("NAME\n") == "invalid template, missing spec line." + format);
  BOOST_TEST(TemplateErrorOf("A B\n.a\n") ==
             "number of headers (2) and field specifications (1) don't match");
  BOOST_TEST(TemplateErrorOf(std::string(65536, ' ') + "\n.a\n") ==
             "invalid template, missing header line." + format);
}

BOOST_AUTO_TEST_CASE(a_missing_template_file_names_the_file) {
  try {
    CustomColumnsPrinter::LoadTemplate("/nonexistent/template");
    BOOST_FAIL("no error");
  } catch (const CustomColumnsError& e) {
    BOOST_TEST(std::string(e.what()) ==
               "error reading template /nonexistent/template, open /nonexistent/template: no such "
               "file or directory");
  }
}

BOOST_AUTO_TEST_CASE(values_join_with_commas_and_none_marks_no_result) {
  BOOST_TEST(Print("M:.spec.modes[*],N:.spec.none",
                   {R"({"kind":"X","spec":{"modes":["a","b"],"m":{"k":1.5}}})"}) ==
             "M     N\na,b   <none>\n");
  BOOST_TEST(Print("MAP:.spec", {R"({"kind":"X","spec":{"b":[1,null],"a":1e6}})"}) ==
             "MAP\nmap[a:1e+06 b:[1 <nil>]]\n");
}

BOOST_AUTO_TEST_CASE(escape_and_carriage_return_are_escaped_other_controls_are_not) {
  BOOST_TEST(Print("V:.v", {R"({"kind":"X","v":"\u001b[2J\r\u0007"})"}, true) == "^[[2J\\r\a\n");
}

BOOST_AUTO_TEST_CASE(header_repeats_when_object_and_list_alternate) {
  const std::string object = R"({"kind":"X","metadata":{"name":"a"}})";
  const std::string list = R"({"kind":"XList","items":[{"metadata":{"name":"b"}}]})";
  BOOST_TEST(Print("N:.metadata.name,K:.kind", {object, object, list, object}) ==
             "N     K\na     X\na     X\nN     K\nb     X\nN     K\na     X\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::print
