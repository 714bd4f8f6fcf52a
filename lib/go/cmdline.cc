#include "go/cmdline.h"

#include "go/filepath.h"

namespace pvcwatch::go {
namespace {

using filepath::Rules;

// appendEscapeArg: quotes around an argument with a space or tab; a backslash doubled
// only where a quote (or the closing quote) follows it.
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

// hasExt: a '.' in the last element.
bool HasExtension(const std::string& file) {
  const std::size_t dot = file.rfind('.');
  if (dot == std::string::npos) return false;
  const std::size_t separator = file.find_last_of(":\\/");
  return separator == std::string::npos || separator < dot;
}

// findExecutable: the name itself if it has an extension, then with each extension.
std::string FindExecutable(const std::string& file, const std::vector<std::string>& extensions,
                           const std::function<bool(const std::string&)>& is_file) {
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

std::vector<std::string> PathExtensions(const std::string& pathext) {
  if (pathext.empty()) return {".com", ".exe", ".bat", ".cmd"};
  std::vector<std::string> extensions;
  std::string lower = pathext;
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
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

std::string LookPathWindows(const std::string& file, const std::string& path,
                            const std::string& pathext,
                            const std::function<bool(const std::string&)>& is_file, bool* err_dot) {
  *err_dot = false;
  const std::vector<std::string> extensions = PathExtensions(pathext);
  if (file.find_first_of(":\\/") != std::string::npos) {
    return FindExecutable(file, extensions, is_file);
  }
  // The current directory comes first, and a program found there is refused (ErrDot).
  // (Go accepts it when an absolute PATH entry names the very same file; we cannot tell
  // the same file from an equal one here, and refuse.)
  if (!FindExecutable(file, extensions, is_file).empty()) {
    *err_dot = true;
    return "";
  }
  for (const std::string& dir : filepath::SplitList(path, Rules::kWindows)) {
    if (dir.empty()) continue;
    std::string found =
        FindExecutable(filepath::Join({dir, file}, Rules::kWindows), extensions, is_file);
    if (found.empty()) continue;
    if (filepath::IsAbs(found, Rules::kWindows)) return found;
    *err_dot = true;  // through a relative entry
    return "";
  }
  return "";
}

}  // namespace pvcwatch::go
