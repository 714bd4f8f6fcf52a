#include "print/sort_by.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <functional>
#include <string>
#include <vector>

#include "../test_data.h"
#include "json/encode.h"
#include "json/parser.h"
#include "json/value.h"

namespace pvcwatch::print {
namespace {

namespace data = boost::unit_test::data;
using json::Value;

// tests/data/sort_by/vectors.json (tests/oracle/sort_by/regenerate.sh, from kubectl's own
// sorter): {"sets": {name: [claims]}, "vectors": [{set, field, list, objects_sorter, table}]}.
const Value& Vectors() {
  static const Value vectors = testing::ParseTestData("sort_by/vectors.json");
  return vectors;
}

std::size_t VectorCount() { return Vectors()["vectors"].items().size(); }

// An outcome written as the oracle writes it: {"order"}, {"error"}, {"exit","log","source"}.
Value Outcome(const std::function<std::vector<std::size_t>()>& sort) {
  Value out = Value::MakeObject();
  try {
    Value order = Value::MakeArray();
    for (std::size_t ix : sort()) order.items().push_back(Value::Number(std::to_string(ix)));
    out.Set("order", std::move(order));
  } catch (const SortError& e) {
    out.Set("error", Value::String(e.what()));
  } catch (const SortExit& e) {
    if (e.exit_code() == 2) {
      out.Set("panic", Value::String(e.what()));
    } else {
      out.Set("exit", Value::Number(std::to_string(e.exit_code())));
      out.Set("log", Value::String(e.what()));
      out.Set("source", Value::String(e.source()));
    }
  }
  return out;
}

// The oracle's "table" outcome: kubectl's dropped error shows as "error".
Value TableOutcome(const SortBy& sort_by, const std::vector<Value>& rows) {
  TableOrder table;
  const Value out = Outcome([&] {
    table = sort_by.TableRowsOrder(rows);
    return table.rows;
  });
  if (table.dropped_error.empty()) return out;
  Value error = Value::MakeObject();
  error.Set("error", Value::String(table.dropped_error));
  return error;
}

// Compared as compact JSON, member order aside.
std::string Canonical(const Value& outcome) {
  Value sorted = Value::MakeObject();
  for (const char* key : {"order", "error", "exit", "log", "source", "panic"}) {
    if (const Value* v = outcome.Find(key)) sorted.Set(key, *v);
  }
  return json::CompactJson(sorted);
}

BOOST_AUTO_TEST_SUITE(sort_by_test)

BOOST_AUTO_TEST_CASE(vectors_cover_every_path) { BOOST_TEST(VectorCount() >= 900u); }

BOOST_DATA_TEST_CASE(matches_kubectl, data::xrange(VectorCount()), ix) {
  const Value& vector = Vectors()["vectors"].items()[ix];
  const std::string field(vector["field"].AsString());
  const std::vector<Value>& objects = Vectors()["sets"][vector["set"].AsString()].items();
  BOOST_TEST_CONTEXT("set " << vector["set"].AsString() << ", --sort-by '" << field << "'") {
    const SortBy sort_by(field);
    BOOST_TEST(Canonical(Outcome([&] { return sort_by.ListOrder(objects); })) ==
               Canonical(vector["list"]));
    BOOST_TEST(Canonical(Outcome([&] { return sort_by.ObjectsOrder(objects); })) ==
               Canonical(vector["objects_sorter"]));
    BOOST_TEST(Canonical(TableOutcome(sort_by, objects)) == Canonical(vector["table"]));
  }
}

std::vector<Value> Claims(std::initializer_list<const char*> texts) {
  std::vector<Value> claims;
  for (const char* text : texts) claims.push_back(json::Parse(text));
  return claims;
}

BOOST_AUTO_TEST_CASE(sizes_compare_as_quantities) {
  const auto claims = Claims({
      R"({"metadata":{"name":"a"},"spec":{"resources":{"requests":{"storage":"1Gi"}}}})",
      R"({"metadata":{"name":"b"},"spec":{"resources":{"requests":{"storage":"900Mi"}}}})",
  });
  const SortBy sort_by(".spec.resources.requests.storage");
  BOOST_TEST(sort_by.ListOrder(claims) == (std::vector<std::size_t>{1, 0}));
}

BOOST_AUTO_TEST_CASE(names_compare_bytewise_not_naturally) {
  const auto claims =
      Claims({R"({"metadata":{"name":"pvc-2"}})", R"({"metadata":{"name":"pvc-10"}})"});
  BOOST_TEST(SortBy("metadata.name").ObjectsOrder(claims) == (std::vector<std::size_t>{1, 0}));
}

BOOST_AUTO_TEST_CASE(missing_field_is_an_error_except_in_the_table) {
  const auto claims = Claims({R"({"metadata":{"name":"a"}})", R"({"metadata":{"name":"b"}})"});
  const SortBy sort_by(".spec.nope");
  const char* text = R"(couldn't find any field with path "{.spec.nope}" in the list of objects)";
  BOOST_CHECK_EXCEPTION(sort_by.ListOrder(claims), SortError,
                        [&](const SortError& e) { return std::string(e.what()) == text; });
  const TableOrder table = sort_by.TableRowsOrder(claims);
  BOOST_TEST(table.dropped_error == text);
  BOOST_TEST(table.rows.empty());
}

BOOST_AUTO_TEST_CASE(one_object_is_checked_only_by_the_list_printer) {
  const auto claims = Claims({R"({"metadata":{"name":"a"}})"});
  const SortBy sort_by(".spec.nope");
  BOOST_CHECK_THROW(sort_by.ListOrder(claims), SortError);
  BOOST_TEST(sort_by.ObjectsOrder(claims) == (std::vector<std::size_t>{0}));
  BOOST_TEST(sort_by.TableRowsOrder(claims).dropped_error.empty());
  BOOST_TEST(sort_by.ListOrder({}).empty());
}

BOOST_AUTO_TEST_CASE(bad_fields_keep_kubectl_wording) {
  const auto claims = Claims({R"({"spec":{"x":1}})", R"({"spec":{"x":2}})"});
  BOOST_CHECK_EXCEPTION(SortBy(".spec[").ObjectsOrder(claims), SortError, [](const SortError& e) {
    return std::string(e.what()) == "unterminated array";
  });
  BOOST_TEST(SortBy("{.spec.x").TableRowsOrder(claims).dropped_error ==
             "sorting error: unclosed action");
  BOOST_CHECK_EXCEPTION(
      SortBy("{.spec.x}{.metadata.name}").ListOrder(claims), SortError, [](const SortError& e) {
        return std::string(e.what()) ==
               "unexpected path string, expected a 'name1.name2' or '.name1.name2' or "
               "'{name1.name2}' or '{.name1.name2}'";
      });
}

BOOST_AUTO_TEST_CASE(unsortable_values_end_kubectl_through_klog) {
  const auto claims = Claims({R"({"spec":{"x":true}})", R"({"spec":{"x":false}})"});
  BOOST_CHECK_EXCEPTION(SortBy(".spec.x").ObjectsOrder(claims), SortExit, [](const SortExit& e) {
    return std::string(e.what()) ==
               "Field {.spec.x} in *unstructured.Unstructured is an unsortable type: interface, "
               "err: unsortable type: bool" &&
           e.exit_code() == 1 && e.source() == "sorter.go:329";
  });
  const auto mixed = Claims({R"({"spec":{"x":2}})", R"({"spec":{"x":1.5}})"});
  BOOST_CHECK_EXCEPTION(SortBy(".spec.x").TableRowsOrder(mixed), SortExit, [](const SortExit& e) {
    return std::string(e.what()) ==
           "Field {.spec.x} in [][][]reflect.Value is an unsortable type: interface, err: "
           "unsortable interface: interface";
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::print
