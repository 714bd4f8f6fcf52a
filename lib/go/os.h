#pragma once

// Go's os and syscall packages: files read with Go's errors, and the environment.

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace pvcwatch::go {

/// syscall.Errno's text: strerror's, starting in lower case ("no such file or directory",
/// "permission denied", "is a directory").
std::string ErrnoText(int errnum);

/// os.ReadFile: the whole file, or nullopt with `*error` (if given) set to Go's text,
/// "open <path>: <reason>" or "read <path>: <reason>" (a directory opens, then fails to
/// read). `*missing` is set when the file does not exist. A file longer than `max_size`
/// fails with "read <path>: file too large" (EFBIG) instead of filling memory.
std::optional<std::string> ReadFile(const std::string& path, std::string* error = nullptr,
                                    bool* missing = nullptr,
                                    std::size_t max_size = std::numeric_limits<std::size_t>::max());

/// os.Environ: this process's environment as "NAME=value" entries.
std::vector<std::string> Environ();

/// os.LookupEnv: the variable's value, or nullopt when it is not set. With Environ and
/// Getenv, the only place the library reads the environment.
std::optional<std::string> LookupEnv(const char* name);

/// os.Getenv: the variable's value, "" when it is not set.
std::string Getenv(const char* name);

}  // namespace pvcwatch::go
