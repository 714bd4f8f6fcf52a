// libFuzzer target for kubeconfig files: the input is written to a file and read by
// kubeconfig::LoadFile (Parse, then relative paths resolved against the file's
// directory), and what loads is resolved as kubectl resolves it (Resolve with kubectl's
// default server, and with none). Every failure must be a kubeconfig::Error, and no
// resolution error may carry a token, password, key or auth-provider setting.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "invariants.h"
#include "kubeconfig/client_config.h"
#include "kubeconfig/config.h"
#include "kubeconfig/errors.h"
#include "kubeconfig/loader.h"
#include "kubeconfig/overrides.h"

namespace {

using pvcwatch::fuzz::Check;
namespace kubeconfig = pvcwatch::kubeconfig;

// A directory of our own holding the file under test and the files that the fuzzed
// paths are pointed at: the input may name any path (a FIFO, /dev/zero), and reading
// those would hang the fuzzer rather than test the loader.
struct Sandbox {
  std::string dir;
  std::string config;
  std::string readable;
  std::string missing;

  Sandbox() {
    char name[] = "/tmp/kubeconfig_loader_fuzz.XXXXXX";
    Check(::mkdtemp(name) != nullptr, "mkdtemp failed");
    dir = name;
    config = dir + "/config";
    readable = dir + "/readable";
    missing = dir + "/missing";
    std::ofstream(readable) << "fuzz-token\n";
  }

  // Keeps whether a path was given, and by its length alternates between a file that
  // reads and one that does not exist.
  void Redirect(std::string& path) const {
    if (!path.empty()) path = path.size() % 2 == 0 ? readable : missing;
  }

  void Redirect(kubeconfig::Config& config) const {
    for (auto& [name, cluster] : config.clusters) Redirect(cluster.certificate_authority);
    for (auto& [name, user] : config.auth_infos) {
      Redirect(user.client_certificate);
      Redirect(user.client_key);
      Redirect(user.token_file);
    }
  }
};

const Sandbox& TheSandbox() {
  // Never destroyed (the fuzzer may exit from any thread); the directory goes at exit.
  static const Sandbox* sandbox = [] {
    const Sandbox* created = new Sandbox();
    std::atexit([] { std::filesystem::remove_all(TheSandbox().dir); });
    return created;
  }();
  return *sandbox;
}

// Replaces every credential the file holds (tokens, passwords, keys, auth-provider
// settings) with a marker, so that an error naming one can be told from an error that
// happens to contain the same text: resolution never looks inside them.
constexpr const char* kSecretMarker = "pvcwatch-fuzz-secret-";

void MarkSecrets(kubeconfig::Config& config) {
  int n = 0;
  auto mark = [&n](std::string& secret) {
    if (!secret.empty()) secret = kSecretMarker + std::to_string(n++);
  };
  for (auto& [name, user] : config.auth_infos) {
    mark(user.token);
    mark(user.password);
    mark(user.client_key_data);
    if (user.auth_provider) {
      for (auto& [key, value] : user.auth_provider->config) mark(value);
    }
  }
}

// `marked`: the markers are the only way the error text can hold them (the fuzzer
// learns the marker from the comparison and puts it into names otherwise).
void ResolveChecked(const kubeconfig::Config& config, const kubeconfig::Overrides& overrides,
                    bool marked) {
  try {
    kubeconfig::ClientConfig resolved = kubeconfig::Resolve(config, overrides);
    Check(!resolved.namespace_name.empty(), "resolved without a namespace");
  } catch (const kubeconfig::Error& e) {
    Check(!marked || e.KubectlText().find(kSecretMarker) == std::string::npos,
          "a credential appears in an error message");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const Sandbox& sandbox = TheSandbox();
  {
    std::ofstream file(sandbox.config, std::ios::binary | std::ios::trunc);
    file.write(input.data(), static_cast<std::streamsize>(input.size()));
    Check(file.good(), "cannot write the kubeconfig under test");
  }
  kubeconfig::Config config;
  try {
    config = kubeconfig::LoadFile(sandbox.config);
  } catch (const kubeconfig::Error& e) {
    Check(std::string_view(e.what()).starts_with("error loading config file \"" + sandbox.config +
                                                 "\": "),
          "a load error that does not name the file");
    return 0;
  }
  sandbox.Redirect(config);
  MarkSecrets(config);
  const bool marked = input.find(kSecretMarker) == std::string_view::npos;

  kubeconfig::Overrides kubectl_defaults;
  kubectl_defaults.default_server = "http://localhost:8080";
  ResolveChecked(config, kubectl_defaults, marked);
  ResolveChecked(config, kubeconfig::Overrides{}, marked);
  return 0;
}
