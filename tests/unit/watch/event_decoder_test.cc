#include "watch/event_decoder.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <string>

namespace pvcwatch::watch {
namespace {

namespace data = boost::unit_test::data;

struct Malformed {
  const char* line;
  const char* message;
};

std::ostream& operator<<(std::ostream& out, const Malformed& m) { return out << m.line; }

std::string Message(std::string_view line) {
  try {
    DecodeEvent(line);
  } catch (const DecodeError& e) {
    return e.what();
  }
  return "(no error)";
}

BOOST_AUTO_TEST_SUITE(event_decoder_test)

BOOST_AUTO_TEST_CASE(decodes_type_and_object) {
  std::optional<Event> event = DecodeEvent(
      R"({"type":"ADDED","object":{"kind":"PersistentVolumeClaim","metadata":{"name":"a"}}})");
  BOOST_REQUIRE(event.has_value());
  BOOST_TEST(event->type == "ADDED");
  BOOST_TEST(event->object["metadata"]["name"].AsString() == "a");
}

BOOST_AUTO_TEST_CASE(leaves_out_managed_fields) {
  std::optional<Event> event = DecodeEvent(
      R"({"type":"MODIFIED","object":{"metadata":{"name":"a","managedFields":[{}],"uid":"u"}}})");
  BOOST_REQUIRE(event.has_value());
  BOOST_TEST(event->object["metadata"].Find("managedFields") == nullptr);
  BOOST_TEST(event->object["metadata"]["uid"].AsString() == "u");
}

BOOST_AUTO_TEST_CASE(decodes_the_410_status_of_an_error_event) {
  std::optional<Event> event = DecodeEvent(
      R"json({"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},)json"
      R"json("status":"Failure","message":"too old resource version: 220 (232)",)json"
      R"json("reason":"Expired","code":410}})json");
  BOOST_REQUIRE(event.has_value());
  BOOST_TEST(event->type == "ERROR");
  BOOST_TEST(event->object["code"].AsString() == "410");
}

BOOST_DATA_TEST_CASE(blank_lines_are_no_event, data::make({"", " ", "\r", " \t\r"}), line) {
  BOOST_TEST(!DecodeEvent(line).has_value());
}

BOOST_DATA_TEST_CASE(
    malformed_frames_are_named,
    data::make({
        Malformed{"{\"type\":\"ADDED\"}", "malformed watch event: no type or object"},
        Malformed{"{\"object\":{}}", "malformed watch event: no type or object"},
        Malformed{"{\"type\":\"ADDED\",\"object\":[]}", "malformed watch event: no type or object"},
        Malformed{"[]", "malformed watch event: no type or object"},
        Malformed{"<html>",
                  "malformed watch event: invalid JSON at line 1, column 1: The "
                  "JSON document has an "
                  "improper structure: missing or superfluous commas, braces, missing "
                  "keys, etc."},
    }),
    m) {
  BOOST_TEST(Message(m.line) == m.message);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::watch
