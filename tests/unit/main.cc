// The one Boost.Test module; each *_test.cc adds its own suite.
#define BOOST_TEST_MODULE pvcwatch
#include <boost/test/unit_test.hpp>
