#include "kubeconfig/loader.h"

#include <filesystem>
#include <optional>
#include <utility>

#include "go/filepath.h"
#include "go/os.h"
#include "kubeconfig/errors.h"
#include "kubeconfig/parse.h"
#include "kubeconfig/read_file.h"

namespace pvcwatch::kubeconfig {
namespace {

void ResolvePath(std::string& ref, const std::string& base) {
  if (ref.empty() || go::filepath::IsAbs(ref)) return;
  ref = go::filepath::Join({base, ref});
}

// filepath.Abs: joined with the working directory unless absolute, then cleaned.
std::string Abs(const std::string& path) {
  if (go::filepath::IsAbs(path)) return go::filepath::Clean(path);
  std::error_code ec;
  const std::u8string cwd = std::filesystem::current_path(ec).u8string();
  return go::filepath::Join({std::string(cwd.begin(), cwd.end()), path});
}

// client-go ResolveLocalPaths / GetAuthInfoFileReferences: certificate-authority,
// client-certificate, client-key and tokenFile are resolved against the absolute
// directory of the defining file; exec.command only when it holds the separator ('/', or
// '\' on Windows), so that bare command names are still looked up on PATH.
void ResolveLocalPaths(Config& config, const std::string& origin) {
  const std::string base = go::filepath::Dir(Abs(origin));
  for (auto& [name, cluster] : config.clusters) ResolvePath(cluster.certificate_authority, base);
  for (auto& [name, user] : config.auth_infos) {
    ResolvePath(user.client_certificate, base);
    ResolvePath(user.client_key, base);
    ResolvePath(user.token_file, base);
    if (user.exec && user.exec->command.find(go::filepath::kSeparator) != std::string::npos) {
      ResolvePath(user.exec->command, base);
    }
  }
}

// Like LoadFile, but a missing file is nullopt (with the open error in `*missing_error`)
// instead of an error.
std::optional<Config> LoadIfExists(const std::string& path, std::string* missing_error = nullptr) {
  // os.IsNotExist is the one read error the loader treats as "skip this file".
  std::string error;
  bool missing = false;
  std::optional<std::string> text = go::ReadFile(path, &error, &missing);
  if (missing) {
    if (missing_error) *missing_error = error;
    return std::nullopt;
  }
  if (!text) throw Error("error loading config file \"" + path + "\": " + error);
  Config config;
  try {
    config = Parse(*text, path);
  } catch (const Error& e) {
    throw Error("error loading config file \"" + path + "\": " + e.what());
  }
  ResolveLocalPaths(config, path);
  return config;
}

// client-go merges the files so that "the first file to set a particular value or map
// key wins": a named entry is taken whole from the first file, never field by field.
void MergeInto(Config& merged, Config&& next) {
  for (auto& [name, cluster] : next.clusters) merged.clusters.emplace(name, std::move(cluster));
  for (auto& [name, user] : next.auth_infos) merged.auth_infos.emplace(name, std::move(user));
  for (auto& [name, context] : next.contexts) merged.contexts.emplace(name, std::move(context));
  if (merged.current_context.empty()) merged.current_context = std::move(next.current_context);
}

}  // namespace

std::vector<std::string> Precedence(const LoadingRules& rules) {
  if (!rules.explicit_path.empty()) return {rules.explicit_path};
  if (rules.kubeconfig_env.empty()) {
    return {go::filepath::Join({rules.home_dir, ".kube", "config"})};
  }
  // filepath.SplitList, then deduplicate() keeping the first occurrence; empty
  // entries stay in the list and are skipped when loading, as in client-go.
  std::vector<std::string> files;
  for (std::string& entry : go::filepath::SplitList(rules.kubeconfig_env)) {
    bool seen = false;
    for (const std::string& f : files) seen = seen || f == entry;
    if (!seen) files.push_back(std::move(entry));
  }
  return files;
}

Config Load(const LoadingRules& rules) {
  if (!rules.explicit_path.empty()) {
    // client-go checks the explicit file with os.Stat and returns that error as is
    // when it does not exist; kubectl prints it as "error: stat <path>: ...".
    std::string error;
    bool missing = false;
    if (!go::Stat(rules.explicit_path, &error, &missing) && missing) throw Error(error);
  }
  Config merged;
  std::vector<std::string> errors;
  for (const std::string& file : Precedence(rules)) {
    if (file.empty()) continue;
    try {
      std::optional<Config> config = LoadIfExists(file);
      if (!config) {
        merged.missing_files.push_back(file);
        continue;
      }
      MergeInto(merged, std::move(*config));
    } catch (const Error& e) {
      // client-go keeps loading the other files and reports every failure at once.
      errors.push_back(e.what());
    }
  }
  if (!errors.empty()) throw Error::Aggregate(std::move(errors));
  return merged;
}

Config LoadFile(const std::string& path) {
  std::string error;
  std::optional<Config> config = LoadIfExists(path, &error);
  if (!config) throw Error(error);
  return std::move(*config);
}

}  // namespace pvcwatch::kubeconfig
