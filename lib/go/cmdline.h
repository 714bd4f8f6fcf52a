#pragma once

// How Go starts a program on Windows, the parts that are rules rather than system calls:
// the command line CreateProcess gets (syscall.makeCmdLine) and os/exec.LookPath's search
// with PATHEXT. Compiled everywhere, so that they are tested on every build.

#include <functional>
#include <string>
#include <vector>

namespace pvcwatch::go {

/// syscall.EscapeArg: `s` quoted and escaped so that CommandLineToArgvW reads it back;
/// `""` for "", unchanged without a space, tab, '"' or '\'.
std::string EscapeArg(const std::string& s);

/// syscall.makeCmdLine: every argument escaped as EscapeArg does, argv[0] too, joined by
/// spaces. Go 1.26 treats .bat/.cmd (run by cmd.exe) no differently: cmd.exe's quoting is
/// the caller's business (exec.Command's doc; golang/go#69939 is still open).
std::string MakeCmdLine(const std::vector<std::string>& args);

/// os/exec's pathExt: PATHEXT's ';'-separated extensions, lower-cased, empty ones
/// skipped, a '.' put before any that lacks it; .com .exe .bat .cmd when PATHEXT is "".
std::vector<std::string> PathExtensions(const std::string& pathext);

/// os/exec.LookPath on Windows (lp_windows.go): "", "." and ".." are never found; a name
/// holding ':', '\' or '/' is tried as it is, else the current directory (unless
/// `no_default_current_directory`: NoDefaultCurrentDirectoryInExePath is set) and then
/// each non-empty `path` entry. Each candidate is tried as named if it has an extension
/// (or PATHEXT has none), then with each extension appended. `is_file`: the candidate
/// exists and is not a directory (os.Stat). A program found only through the current
/// directory or a relative entry is refused as exec.ErrDot: "" with `*err_dot` set,
/// unless an absolute entry later names the same file (`same_file`, os.SameFile; without
/// it, no two names are the same file). "" with `*err_dot` clear: not found.
std::string LookPathWindows(
    const std::string& file, const std::string& path, const std::string& pathext,
    const std::function<bool(const std::string&)>& is_file, bool* err_dot,
    bool no_default_current_directory = false,
    const std::function<bool(const std::string&, const std::string&)>& same_file = nullptr);

}  // namespace pvcwatch::go
