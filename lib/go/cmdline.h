#pragma once

// How Go starts a program on Windows, the parts that are rules rather than system calls:
// the command line CreateProcess gets (syscall.makeCmdLine) and os/exec.LookPath's search
// with PATHEXT. Compiled everywhere, so that they are tested on every build.

#include <functional>
#include <string>
#include <vector>

namespace pvcwatch::go {

/// syscall.EscapeArg: `s` quoted and escaped so that CommandLineToArgvW reads it back.
std::string EscapeArg(const std::string& s);

/// syscall.makeCmdLine: the escaped arguments joined by spaces.
std::string MakeCmdLine(const std::vector<std::string>& args);

/// os/exec's pathExt: PATHEXT's extensions lower-cased, each with its '.', or
/// .com .exe .bat .cmd when it is empty.
std::vector<std::string> PathExtensions(const std::string& pathext);

/// os/exec.LookPath on Windows: a name holding ':', '\' or '/' is tried as it is, else
/// the current directory and each `path` entry, each candidate as named (if it has an
/// extension) and with each of `pathext`'s. `is_file` says whether a candidate is a file
/// that is not a directory. A program found only through the current directory or a
/// relative entry is refused, as Go 1.19+ does (exec.ErrDot): "" with `*err_dot` set.
std::string LookPathWindows(const std::string& file, const std::string& path,
                            const std::string& pathext,
                            const std::function<bool(const std::string&)>& is_file, bool* err_dot);

}  // namespace pvcwatch::go
