#pragma once

#include <string>
#include <vector>

#include "kubeconfig/config.h"

namespace pvcwatch::kubeconfig {

/// Where kubeconfig files come from (client-go ClientConfigLoadingRules). The caller
/// passes the environment in, so the library never reads $HOME or $KUBECONFIG itself.
struct LoadingRules {
  std::string explicit_path;   // --kubeconfig: only this file, which must exist
  std::string kubeconfig_env;  // $KUBECONFIG: files separated by ':' (';' on Windows), merged
  std::string home_dir;        // homedir.HomeDir(): its .kube/config when both above are empty
};

/// The files Load() reads, in precedence order: the explicit path alone; else the
/// KUBECONFIG entries with duplicates removed; else <home_dir>/.kube/config.
std::vector<std::string> Precedence(const LoadingRules& rules);

/// Reads and merges the kubeconfig files as kubectl does: missing files are skipped
/// (and listed in missing_files); the first file to define a cluster, user or context
/// wins it whole; current-context comes from the first file that sets it.
/// Throws Error: "stat <path>: no such file or directory" for a missing --kubeconfig,
/// "error loading config file \"<path>\": ..." for each unreadable or invalid file.
Config Load(const LoadingRules& rules);

/// Reads one file (client-go LoadFromFile) and resolves its relative paths against the
/// file's directory. Throws Error as Load() does, except that a missing file is
/// reported as "open <path>: no such file or directory".
Config LoadFile(const std::string& path);

}  // namespace pvcwatch::kubeconfig
