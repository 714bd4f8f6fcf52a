#pragma once

#include <string_view>

namespace pvcwatch {

/// The version --version prints and the User-Agent carries: `git describe --tags` at
/// configure time, else "v" + the CMake project version. Generated into the build tree
/// (version.cc.in) so that a new version recompiles one file.
std::string_view Version();

}  // namespace pvcwatch
