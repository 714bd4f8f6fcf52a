#include "rest/query.h"

#include <boost/test/unit_test.hpp>

namespace pvcwatch::rest {
namespace {

BOOST_AUTO_TEST_SUITE(query_test)

BOOST_AUTO_TEST_CASE(encodes_selectors) {
  BOOST_TEST(EncodeQuery({{"labelSelector", "env in (a,b),tier!=db"}, {"limit", "500"}}) ==
             "?labelSelector=env%20in%20%28a%2Cb%29%2Ctier%21%3Ddb&limit=500");
}

BOOST_AUTO_TEST_CASE(no_params_no_question_mark) { BOOST_TEST(EncodeQuery({}).empty()); }

BOOST_AUTO_TEST_CASE(escapes_path_segments) {
  BOOST_TEST(EscapePathSegment("team-a") == "team-a");
  BOOST_TEST(EscapePathSegment("a/b c") == "a%2Fb%20c");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::rest
