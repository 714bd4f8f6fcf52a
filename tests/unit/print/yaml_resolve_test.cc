#include "print/yaml_resolve.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

namespace pvcwatch::print {
namespace {

namespace data = boost::unit_test::data;

// goyaml v2 reads these back as something other than the string: its encoder quotes them.
const std::vector<std::string> kQuoted = {
    "",     "~",    "null", "Null", "yes",  "No",    "on",    "OFF",  "y",     "true",
    "9",    "-1",   "+1",   "1.5",  ".5",   "1e3",   "0x1F",  "0o17", "0b101", "0b-101",
    "1_000", "08",  "0123", ".inf", "-.Inf", ".NaN", "1:20:30", "190:20:30.15", "-1:30",
    "2026-11-26T17:19:42Z", "2026-11-26", "2026-1-2", "2026-11-26 17:19:42",
    "2026-11-26T17:19:42+01:00", "2024-02-29", "9223372036854775808",
    "18446744073709551616"};

// ... and these stay strings, so they are written plain (or quoted for other reasons).
const std::vector<std::string> kStrings = {
    "a",    "yEs",   "nULL",  "tRUE", "<<",   "0x",   "0b",   "0b2",  "1e",   "e1",
    "inf",  "NaN",   "1:60",  ".",   "..",   "_1",   "+",    "-",    "1e400",
    "2026-13-01", "2023-02-29", "2026-11-26t17:19:42z", "2026-11-26T24:00:00Z",
    "20261-1-1", "pvc-5b2f0c1e", "50Gi", "Bound", "ReadWriteOnce"};

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_resolve_test)

BOOST_DATA_TEST_CASE(values_that_resolve_to_other_types_need_quotes, data::make(kQuoted), text) {
  BOOST_TEST(!ResolvesToString(text));
}

BOOST_DATA_TEST_CASE(other_text_resolves_to_a_string, data::make(kStrings), text) {
  BOOST_TEST(ResolvesToString(text));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::print
