#pragma once

#include <functional>
#include <optional>
#include <string>

#include "go/os.h"

namespace pvcwatch::kubeconfig {

/// client-go's homedir.HomeDir, where ~/.kube lives. Elsewhere $HOME. On Windows the first
/// of %HOME%, %HOMEDRIVE%%HOMEPATH%, %USERPROFILE% holding .kube\config; else the first of
/// %HOME%, %USERPROFILE%, %HOMEDRIVE%%HOMEPATH% that is a writable directory; else the
/// first that exists; else the first set; else "". `stat` is os.Stat (nullopt: fails).
std::string HomeDir(bool windows,
                    const std::function<std::optional<std::string>(const char*)>& lookup_env,
                    const std::function<std::optional<go::FileInfo>(const std::string&)>& stat);

/// HomeDir for this process: its environment and file system, this OS's rules.
std::string HomeDir();

}  // namespace pvcwatch::kubeconfig
