#include "go/utf16.h"

#include <boost/test/unit_test.hpp>
#include <string>

namespace pvcwatch::go {

BOOST_AUTO_TEST_SUITE(utf16_test)

BOOST_AUTO_TEST_CASE(round_trips_every_plane) {
  const std::string text = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z";  // a é € 😀 z
  const std::u16string wide = Utf16FromString(text);
  BOOST_TEST((wide == u"a\u00e9\u20ac\U0001F600z"));
  BOOST_TEST(wide.size() == 6u);  // the emoji is a surrogate pair
  BOOST_TEST(Utf16ToString(wide) == text);
}

BOOST_AUTO_TEST_CASE(invalid_input_becomes_replacement_characters) {
  // Each invalid byte is one U+FFFD, as Go ranges over a string.
  BOOST_TEST((Utf16FromString("a\xff\xc3") == u"a\uFFFD\uFFFD"));
  const char16_t lone_high[] = {u'x', 0xD800, u'y', 0};
  BOOST_TEST(Utf16ToString(lone_high) == "x\xef\xbf\xbdy");
  const char16_t lone_low[] = {0xDC00, 0};
  BOOST_TEST(Utf16ToString(lone_low) == "\xef\xbf\xbd");
}

BOOST_AUTO_TEST_CASE(stops_at_the_first_zero) {
  const std::u16string with_zero(u"ab\0cd", 5);
  BOOST_TEST(Utf16ToString(with_zero) == "ab");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::go
