#pragma once

// Test helper for the exec plugin suites: a private temporary directory holding small
// shell scripts that stand in for credential plugins (real processes, no shell between
// us and them), removed afterwards.

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace pvcwatch::rest::testing {

class PluginDir {
 public:
  PluginDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "pvcwatch-exec-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~PluginDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  PluginDir(const PluginDir&) = delete;
  PluginDir& operator=(const PluginDir&) = delete;

  const std::string& path() const { return path_; }

  /// Writes <dir>/<name> with `mode` and returns its path.
  std::string Write(const std::string& name, const std::string& contents,
                    mode_t mode = 0644) const {
    std::string file = path_ + "/" + name;
    std::ofstream(file, std::ios::binary | std::ios::trunc) << contents;
    ::chmod(file.c_str(), mode);
    return file;
  }

  /// The contents of <dir>/<name>, "" when it does not exist.
  std::string Read(const std::string& name) const {
    std::ifstream in(path_ + "/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  bool Exists(const std::string& name) const { return std::filesystem::exists(path_ + "/" + name); }

  /// A plugin that records each run (runs, env, args, stdin), copies <dir>/say to its
  /// stderr, prints <dir>/output and exits with <dir>/status (0 when absent).
  std::string WriteRecordingPlugin(const std::string& name = "plugin") const {
    return Write(name,
                 "#!/bin/sh\n"
                 "d='" +
                     path_ +
                     "'\n"
                     "echo run >> \"$d/runs\"\n"
                     "env > \"$d/env\"\n"
                     "printf '%s\\n' \"$@\" > \"$d/args\"\n"
                     "readlink /proc/self/fd/0 > \"$d/stdin\"\n"
                     "if [ -f \"$d/say\" ]; then cat \"$d/say\" >&2; fi\n"
                     "cat \"$d/output\"\n"
                     "exit $(cat \"$d/status\" 2>/dev/null || echo 0)\n",
                 0755);
  }

 private:
  std::string path_;
};

}  // namespace pvcwatch::rest::testing
