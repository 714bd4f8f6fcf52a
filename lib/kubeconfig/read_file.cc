#include "kubeconfig/read_file.h"

#include <optional>
#include <utility>

#include "go/os.h"
#include "kubeconfig/errors.h"

namespace pvcwatch::kubeconfig {

std::string ReadFileOrThrow(const std::string& path) {
  std::string error;
  std::optional<std::string> contents = go::ReadFile(path, &error);
  if (!contents) throw Error(error);
  return std::move(*contents);
}

}  // namespace pvcwatch::kubeconfig
