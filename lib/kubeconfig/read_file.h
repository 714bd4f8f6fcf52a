#pragma once

#include <string>

namespace pvcwatch::kubeconfig {

/// go::ReadFile that throws Error with Go's text ("open <path>: permission denied").
std::string ReadFileOrThrow(const std::string& path);

}  // namespace pvcwatch::kubeconfig
