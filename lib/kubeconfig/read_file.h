#pragma once

#include <optional>
#include <string>

namespace pvcwatch::kubeconfig {

/// Reads a whole file, failing as Go's os.ReadFile does: `error` (if given) receives
/// "open <path>: <reason>" or "read <path>: <reason>" (a directory opens, then fails to
/// read) and the result is nullopt. `*missing` is set when the file does not exist.
std::optional<std::string> ReadFile(const std::string& path, std::string* error = nullptr,
                                    bool* missing = nullptr);

/// ReadFile that throws Error with the Go error text.
std::string ReadFileOrThrow(const std::string& path);

/// Go's strings.TrimSpace for ASCII whitespace.
std::string TrimSpace(const std::string& text);

}  // namespace pvcwatch::kubeconfig
