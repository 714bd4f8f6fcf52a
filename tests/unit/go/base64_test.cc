#include "go/base64.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace pvcwatch::go {
namespace {

namespace data = boost::unit_test::data;

struct Base64Case {
  std::string input;
  std::string output;
};
std::ostream& operator<<(std::ostream& os, const Base64Case& c) { return os << c.input; }

}  // namespace

BOOST_AUTO_TEST_SUITE(base64_test)

BOOST_DATA_TEST_CASE(decodes_base64_as_go_std_encoding,
                     data::make(std::vector<Base64Case>{
                         {"", ""},
                         {"QQ==", "A"},
                         {"QUI=", "AB"},
                         {"QUJD", "ABC"},
                         {"QU\r\nJD\n", "ABC"},
                         {"QQ=\n=", "A"},
                         {"QQ", "illegal base64 data at input byte 2"},
                         {"Q===", "illegal base64 data at input byte 1"},
                         {"QQ==QQ==", "illegal base64 data at input byte 4"},
                         {"QU I=", "illegal base64 data at input byte 2"},
                         {"QUJD-_", "illegal base64 data at input byte 4"},
                     }),
                     c) {
  std::string result;
  try {
    result = DecodeBase64(c.input);
  } catch (const Base64Error& e) {
    result = e.what();
  }
  BOOST_TEST(result == c.output);
}

BOOST_AUTO_TEST_CASE(encodes_with_padding_and_round_trips) {
  BOOST_TEST(EncodeBase64("") == "");
  BOOST_TEST(EncodeBase64("A") == "QQ==");
  BOOST_TEST(EncodeBase64("AB") == "QUI=");
  BOOST_TEST(EncodeBase64("ABC") == "QUJD");
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  BOOST_TEST(DecodeBase64(EncodeBase64(bytes)) == bytes);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::go
