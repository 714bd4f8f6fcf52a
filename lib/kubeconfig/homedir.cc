#include "kubeconfig/homedir.h"

#include <vector>

#include "go/filepath.h"

// Mirrors client-go's util/homedir/homedir.go HomeDir (v0.36.0).

namespace pvcwatch::kubeconfig {

std::string HomeDir(bool windows,
                    const std::function<std::optional<std::string>(const char*)>& lookup_env,
                    const std::function<std::optional<go::FileInfo>(const std::string&)>& stat) {
  auto get = [&](const char* name) { return lookup_env(name).value_or(""); };
  if (!windows) return get("HOME");
  const std::string home = get("HOME");
  const std::string drive = get("HOMEDRIVE"), path = get("HOMEPATH");
  const std::string drive_path = !drive.empty() && !path.empty() ? drive + path : "";
  const std::string profile = get("USERPROFILE");
  // HOMEDRIVE/HOMEPATH before USERPROFILE here "for backwards-compatibility", after it
  // below "for compatibility with other auth-writing tools" (client-go's words).
  for (const std::string& dir : {home, drive_path, profile}) {
    if (!dir.empty() &&
        stat(go::filepath::Join({dir, ".kube", "config"}, go::filepath::Rules::kWindows))) {
      return dir;
    }
  }
  std::string first_set, first_existing;
  for (const std::string& dir : {home, profile, drive_path}) {
    if (dir.empty()) continue;
    if (first_set.empty()) first_set = dir;
    const std::optional<go::FileInfo> info = stat(dir);
    if (!info) continue;
    if (first_existing.empty()) first_existing = dir;
    // client-go's Perm()&(1<<7): the owner-write bit. Go reports it on Windows for any
    // directory without FILE_ATTRIBUTE_READONLY.
    if (info->is_dir && (info->perm & 0200) != 0) return dir;
  }
  return !first_existing.empty() ? first_existing : first_set;
}

std::string HomeDir() {
  return HomeDir(go::filepath::kNative == go::filepath::Rules::kWindows, go::LookupEnv,
                 [](const std::string& path) { return go::Stat(path); });
}

}  // namespace pvcwatch::kubeconfig
