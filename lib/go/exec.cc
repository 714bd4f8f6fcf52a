#include "go/exec.h"

#include <set>

namespace pvcwatch::go {

std::vector<std::string> MergeEnvironment(const std::vector<std::string>& base,
                                          const std::vector<std::string>& extra) {
  std::vector<std::string> all = base;
  all.insert(all.end(), extra.begin(), extra.end());
  // Keep the last entry for each name, as Go's dedupEnv does; Windows' names ignore
  // case, and one may start with '=' (the per-drive "=C:=C:\dir").
  std::set<std::string> seen;
  std::vector<std::string> merged;
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
#if defined(_WIN32)
    std::string name = it->substr(0, it->find('=', 1));
    for (char& c : name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
#else
    std::string name = it->substr(0, it->find('='));
#endif
    if (seen.insert(name).second) merged.push_back(*it);
  }
  return {merged.rbegin(), merged.rend()};
}

}  // namespace pvcwatch::go
