#include "print/claim_table.h"

#include <boost/test/unit_test.hpp>
#include <sstream>

#include "json/parser.h"

namespace pvcwatch::print {
namespace {

const std::chrono::system_clock::time_point kNow{std::chrono::seconds(1800000000)};

BOOST_AUTO_TEST_SUITE(claim_table_test)

BOOST_AUTO_TEST_CASE(server_table_without_columns_prints_empty_lines) {
  // Found by tests/fuzz/list_decoder_fuzz.cc: a Table without columnDefinitions made an
  // empty line, whose last character was then overwritten.
  json::Value table = json::Parse(R"({"kind":"Table","rows":[{"cells":["a"]}]})");
  std::vector<json::Value> items = {json::Parse(R"({"metadata":{"name":"a"}})")};
  std::ostringstream out;
  ClaimTable claims(out, TableOptions{}, kNow);
  claims.PrintPage(items, table);
  claims.Flush();
  BOOST_TEST(out.str() == "\n\n");
  BOOST_TEST(claims.rows() == 1u);
}

json::Value Claim(const std::string& name, const std::string& labels) {
  return json::Parse(R"({"metadata":{"name":")" + name +
                     R"(","namespace":"ns","creationTimestamp":"2027-01-15T08:00:00Z","labels":)" +
                     labels + R"(},"spec":{},"status":{"phase":"Pending"}})");
}

// decorateTable's order: EVENT, NAMESPACE, the columns, -L's (header: the key's last
// segment upper-cased), LABELS; --show-kind prefixes the NAME cells.
BOOST_AUTO_TEST_CASE(event_namespace_kind_and_label_columns) {
  TableOptions options;
  options.with_namespace = true;
  options.show_kind = true;
  options.label_columns = {"app.kubernetes.io/name", "tier"};
  options.show_labels = true;
  options.event_column = true;
  std::ostringstream out;
  ClaimTable claims(out, options, kNow);
  claims.PrintPage({Claim("a", R"({"app.kubernetes.io/name":"db","tier":"x"})")}, json::Value());
  claims.PrintEvent("DELETED", Claim("b", "{}"), kNow);
  claims.PrintEvent("MODIFIED", Claim("c", R"({"tier":"y"})"), kNow);
  BOOST_TEST(
      out.str() ==
      "EVENT      NAMESPACE   NAME                      STATUS    VOLUME   CAPACITY   ACCESS "
      "MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE   NAME   TIER   LABELS\n"
      "ADDED      ns          persistentvolumeclaim/a   Pending                          "
      "                           <unset>                 0s    db     x      "
      "app.kubernetes.io/name=db,tier=x\n"
      "DELETED    ns          persistentvolumeclaim/b   Pending                          "
      "                           <unset>                 0s                  <none>\n"
      "MODIFIED   ns          persistentvolumeclaim/c   Pending                          "
      "                           <unset>                 0s           y      tier=y\n");
}

// kubectl get prints a chunked list as one block: a wide cell on a later page widens the
// rows of the earlier ones too.
BOOST_AUTO_TEST_CASE(pages_align_as_one_block) {
  std::ostringstream out;
  ClaimTable claims(out, TableOptions{}, kNow);
  claims.PrintPage({Claim("a", "{}")}, json::Value());
  BOOST_TEST(out.str().empty());
  claims.PrintPage({Claim("a-much-longer-name", "{}")}, json::Value());
  claims.Flush();
  std::istringstream lines(out.str());
  std::string header, first, second;
  std::getline(lines, header);
  std::getline(lines, first);
  std::getline(lines, second);
  BOOST_TEST(header.find("STATUS") == second.find("Pending"));
  BOOST_TEST(first.find("Pending") == second.find("Pending"));
}

// printPersistentVolumeClaim (pkg/printers/internalversion, v1.37): a bound claim's
// capacity is its status's, "0" when the status has none yet; unbound, it is empty.
BOOST_AUTO_TEST_CASE(bound_claims_without_capacity_show_zero) {
  auto cells = [](const std::string& spec, const std::string& status) {
    return ClaimCells(
        json::Parse(R"({"metadata":{"name":"a"},"spec":)" + spec + R"(,"status":)" + status + "}"),
        false, kNow);
  };
  BOOST_TEST(cells(R"({"volumeName":"pv"})", R"({"phase":"Lost"})")[3] == "0");
  BOOST_TEST(cells(R"({"volumeName":"pv"})", R"({"capacity":{"storage":"1024Mi"}})")[3] == "1Gi");
  BOOST_TEST(cells("{}", R"({"capacity":{"storage":"1Gi"}})")[3] == "");
}

json::Value Columns(const std::string& definitions) {
  return json::Parse(R"({"kind":"Table","columnDefinitions":)" + definitions + "}");
}

BOOST_AUTO_TEST_CASE(server_columns_match_the_local_ones_exactly) {
  const std::string v137 =
      R"([{"name":"Name","priority":0},{"name":"Status","priority":0},)"
      R"({"name":"Volume","priority":0},{"name":"Capacity","priority":0},)"
      R"({"name":"Access Modes","priority":0},{"name":"StorageClass","priority":0},)"
      R"({"name":"VolumeAttributesClass","priority":0},{"name":"Age","priority":0},)";
  BOOST_TEST(HasLocalColumns(Columns(v137 + R"({"name":"VolumeMode","priority":1}])")));
  // A server before VolumeAttributesClass, one with another column, one that shows
  // VolumeMode without -o wide: their own cells are printed.
  std::string older = v137;
  older.erase(older.find(R"({"name":"VolumeAttributesClass")"), 46);
  BOOST_TEST(!HasLocalColumns(Columns(older + R"({"name":"VolumeMode","priority":1}])")));
  BOOST_TEST(!HasLocalColumns(Columns(v137 + R"({"name":"VolumeMode","priority":0}])")));
  BOOST_TEST(!HasLocalColumns(
      Columns(v137 + R"({"name":"VolumeMode","priority":1},{"name":"Extra","priority":1}])")));
  BOOST_TEST(!HasLocalColumns(Columns("[]")));
  BOOST_TEST(!HasLocalColumns(json::Value()));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::print
