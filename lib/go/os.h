#pragma once

// Go's os and syscall packages, as far as errors about files read like a Go program's.

#include <cstddef>
#include <limits>
#include <optional>
#include <string>

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

}  // namespace pvcwatch::go
