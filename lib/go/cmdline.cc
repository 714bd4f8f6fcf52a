#include "go/cmdline.h"

#include "go/filepath.h"

// Mirrors Go 1.26's syscall/exec_windows.go (EscapeArg, appendEscapeArg, makeCmdLine) and
// os/exec/lp_windows.go (pathExt, hasExt, findExecutable, lookPathExts) with exec.go's
// validateLookPath, under the default GODEBUG (execerrdot=1).

namespace pvcwatch::go {
namespace {

using filepath::Rules;

// appendEscapeArg: quotes around an argument with a space or tab; a '"' escaped with a
// backslash, and the backslashes before a '"' (or before the closing quote) doubled, as
// CommandLineToArgvW undoes it. Other backslashes stay single: `C:\dir\` is literal.
void AppendEscapeArg(std::string& out, const std::string& s) {
  if (s.empty()) {
    out += "\"\"";
    return;
  }
  bool needs_backslash = false, has_space = false;
  for (char c : s) {
    needs_backslash = needs_backslash || c == '"' || c == '\\';
    has_space = has_space || c == ' ' || c == '\t';
  }
  if (!needs_backslash && !has_space) {
    out += s;
    return;
  }
  if (!needs_backslash) {
    out += '"' + s + '"';
    return;
  }
  if (has_space) out += '"';
  std::size_t slashes = 0;
  for (char c : s) {
    if (c == '\\') {
      ++slashes;
    } else if (c == '"') {
      out.append(slashes + 1, '\\');
      slashes = 0;
    } else {
      slashes = 0;
    }
    out += c;
  }
  if (has_space) {
    out.append(slashes, '\\');
    out += '"';
  }
}

// hasExt: a '.' after the last ':', '\' or '/'.
bool HasExtension(const std::string& file) {
  const std::size_t dot = file.rfind('.');
  if (dot == std::string::npos) return false;
  const std::size_t separator = file.find_last_of(":\\/");
  return separator == std::string::npos || separator < dot;
}

// findExecutable: with no extensions at all (PATHEXT=";") the name as it is; else the
// name as it is if it has an extension, then each extension appended, so that
// "foo.bat" also finds "foo.bat.exe". "" when none is a file.
std::string FindExecutable(const std::string& file, const std::vector<std::string>& extensions,
                           const std::function<bool(const std::string&)>& is_file) {
  if (extensions.empty()) return is_file(file) ? file : "";
  if (HasExtension(file) && is_file(file)) return file;
  for (const std::string& extension : extensions) {
    if (is_file(file + extension)) return file + extension;
  }
  return "";
}

}  // namespace

std::string EscapeArg(const std::string& s) {
  std::string out;
  AppendEscapeArg(out, s);
  return out;
}

std::string MakeCmdLine(const std::vector<std::string>& args) {
  std::string line;
  for (const std::string& arg : args) {
    if (!line.empty()) line += ' ';
    AppendEscapeArg(line, arg);
  }
  return line;
}

// Go lower-cases with strings.ToLower; PATHEXT is ASCII in practice, so ASCII here.
std::vector<std::string> PathExtensions(const std::string& pathext) {
  if (pathext.empty()) return {".com", ".exe", ".bat", ".cmd"};
  std::vector<std::string> extensions;
  std::string lower = pathext;
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = lower.find(';', start);
    std::string extension = lower.substr(start, end - start);
    if (!extension.empty()) extensions.push_back(extension[0] == '.' ? extension : "." + extension);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return extensions;
}

// lookPathExts. Since Go 1.19 a hit through "." or a relative PATH entry is remembered as
// exec.ErrDot and the search goes on: the first absolute hit wins only if it is that same
// file (go#53536), any other hit ends the search with the ErrDot.
std::string LookPathWindows(
    const std::string& file, const std::string& path, const std::string& pathext,
    const std::function<bool(const std::string&)>& is_file, bool* err_dot,
    bool no_default_current_directory,
    const std::function<bool(const std::string&, const std::string&)>& same_file) {
  bool ignored = false;
  if (err_dot == nullptr) err_dot = &ignored;
  *err_dot = false;
  if (file.empty() || file == "." || file == "..") return "";  // validateLookPath
  const std::vector<std::string> extensions = PathExtensions(pathext);
  if (file.find_first_of(":\\/") != std::string::npos) {
    return FindExecutable(file, extensions, is_file);  // a path: never ErrDot
  }
  std::string dot_found;  // the hit that is ErrDot unless an absolute entry matches it
  if (!no_default_current_directory) {
    dot_found = FindExecutable(filepath::Join({".", file}, Rules::kWindows), extensions, is_file);
  }
  for (const std::string& dir : filepath::SplitList(path, Rules::kWindows)) {
    if (dir.empty()) continue;  // as PowerShell does (go#61493)
    const std::string found =
        FindExecutable(filepath::Join({dir, file}, Rules::kWindows), extensions, is_file);
    if (found.empty()) continue;
    if (!dot_found.empty() && !(same_file && same_file(dot_found, found))) break;
    if (filepath::IsAbs(found, Rules::kWindows)) return found;
    if (dot_found.empty()) dot_found = found;
  }
  *err_dot = !dot_found.empty();
  return "";
}

}  // namespace pvcwatch::go
