#include "rest/status.h"

#include <boost/test/unit_test.hpp>

namespace pvcwatch::rest {
namespace {

Response Answer(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

BOOST_AUTO_TEST_SUITE(status_test)

BOOST_AUTO_TEST_CASE(status_body_gives_code_reason_and_message) {
  StatusError e = StatusErrorFromResponse(
      Answer(403, R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":)"
                  R"("persistentvolumeclaims is forbidden: User \"alice\" cannot list resource",)"
                  R"("reason":"Forbidden","code":403})"),
      "get", "persistentvolumeclaims");
  BOOST_TEST(e.code() == 403);
  BOOST_TEST(e.reason() == "Forbidden");
  BOOST_TEST(std::string(e.what()) ==
             "persistentvolumeclaims is forbidden: User \"alice\" cannot list resource");
}

BOOST_AUTO_TEST_CASE(expired_status_keeps_410) {
  StatusError e = StatusErrorFromResponse(
      Answer(410, R"({"kind":"Status","message":"The provided continue parameter is too old",)"
                  R"("reason":"Expired","code":410})"),
      "get", "persistentvolumeclaims");
  BOOST_TEST(e.code() == 410);
  BOOST_TEST(e.reason() == "Expired");
}

BOOST_AUTO_TEST_CASE(html_error_page_gives_generic_message) {
  StatusError e = StatusErrorFromResponse(Answer(503, "<html>Service Unavailable</html>"), "get",
                                          "persistentvolumeclaims");
  BOOST_TEST(e.code() == 503);
  BOOST_TEST(e.reason() == "ServiceUnavailable");
  BOOST_TEST(std::string(e.what()) ==
             "the server is currently unable to handle the request (get persistentvolumeclaims)");
}

BOOST_AUTO_TEST_CASE(unknown_5xx_quotes_the_body) {
  StatusError e = StatusErrorFromResponse(Answer(500, "boom\n"), "get", "persistentvolumeclaims");
  BOOST_TEST(e.reason() == "InternalError");
  BOOST_TEST(std::string(e.what()) ==
             "an error on the server (\"boom\") has prevented the request from succeeding "
             "(get persistentvolumeclaims)");
}

BOOST_AUTO_TEST_CASE(not_found_without_status) {
  StatusError e =
      StatusErrorFromResponse(Answer(404, "404 page not found"), "get", "persistentvolumeclaims");
  BOOST_TEST(e.reason() == "NotFound");
  BOOST_TEST(std::string(e.what()) ==
             "the server could not find the requested resource (get persistentvolumeclaims)");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::rest
