#include <boost/test/unit_test.hpp>

#include "notify/webhook.h"
#include "rest/http_post.h"

namespace pvcwatch::notify {
namespace {

BOOST_AUTO_TEST_SUITE(webhook_body_test)

BOOST_AUTO_TEST_CASE(json_is_the_event_and_slack_is_escaped_text) {
  Notification n;
  n.state = "overage";
  n.text = "Claim overage reached <b>&";
  n.document.Set("type", json::Value::String("OVERAGE"));
  BOOST_TEST(WebhookBody(WebhookFormat::kJson, n) == R"({"type":"OVERAGE"})");
  // Slack's entities, then JSON as Go writes it (HTML characters as \u escapes).
  BOOST_TEST(WebhookBody(WebhookFormat::kSlack, n) ==
             R"({"text":"Claim overage reached \u0026lt;b\u0026gt;\u0026amp;"})");
  n.held = true;
  n.suppressed = 3;
  BOOST_TEST(
      WebhookBody(WebhookFormat::kSlack, n) ==
      "{\"text\":\"Claim overage reached \\u0026lt;b\\u0026gt;\\u0026amp; (held by the cooldown; 3 "
      "crossings in between not sent)\"}");
}

BOOST_AUTO_TEST_CASE(a_bad_url_is_named_without_quoting_it) {
  BOOST_TEST(!rest::PostUrlError("https://hooks.example.com/services/T0/B0/secret"));
  BOOST_TEST(*rest::PostUrlError("ftp://user:secret@example.com/") ==
             "the URL's scheme must be https or http");
  BOOST_TEST(*rest::PostUrlError("https:///secret") == "the URL has no host");
  BOOST_TEST(*rest::PostUrlError("secret") == "the URL's scheme must be https or http");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace pvcwatch::notify
