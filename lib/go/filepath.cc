#include "go/filepath.h"

namespace pvcwatch::go::filepath {
namespace {

bool IsSeparator(char c, Rules rules) {
  return c == '/' || (rules == Rules::kWindows && c == '\\');
}

char SeparatorOf(Rules rules) { return rules == Rules::kWindows ? '\\' : '/'; }

// The end of the path element starting at `from`.
std::size_t ElementEnd(std::string_view path, std::size_t from, Rules rules) {
  while (from < path.size() && !IsSeparator(path[from], rules)) ++from;
  return from;
}

// Go's volumeNameLen for Windows: a drive ("C:", any character before the colon), a
// device path ("\\.\X", "\\?\X", "\\.\UNC\host\share"), or a UNC share "\\host\share".
std::size_t VolumeNameLength(std::string_view path, Rules rules) {
  if (rules != Rules::kWindows) return 0;
  if (path.size() >= 2 && path[1] == ':') return 2;
  if (path.size() < 2 || !IsSeparator(path[0], rules) || !IsSeparator(path[1], rules)) return 0;
  if (path.size() >= 3 && (path[2] == '.' || path[2] == '?') &&
      (path.size() == 3 || IsSeparator(path[3], rules))) {
    if (path.size() == 3) return 3;
    const std::size_t end = ElementEnd(path, 4, rules);
    std::string_view element = path.substr(4, end - 4);
    if (element.size() == 3 && (element[0] == 'U' || element[0] == 'u') &&
        (element[1] == 'N' || element[1] == 'n') && (element[2] == 'C' || element[2] == 'c') &&
        end < path.size()) {
      const std::size_t host = ElementEnd(path, end + 1, rules);
      return host >= path.size() ? path.size() : ElementEnd(path, host + 1, rules);
    }
    return end;
  }
  const std::size_t host = ElementEnd(path, 2, rules);
  if (host >= path.size()) return path.size();
  return ElementEnd(path, host + 1, rules);
}

std::string FromSlash(std::string path, Rules rules) {
  if (rules == Rules::kWindows) {
    for (char& c : path) c = c == '/' ? '\\' : c;
  }
  return path;
}

}  // namespace

std::string VolumeName(std::string_view path, Rules rules) {
  return FromSlash(std::string(path.substr(0, VolumeNameLength(path, rules))), rules);
}

bool IsAbs(std::string_view path, Rules rules) {
  if (rules == Rules::kUnix) return !path.empty() && path[0] == '/';
  const std::size_t volume = VolumeNameLength(path, rules);
  if (volume == 0) return false;
  if (IsSeparator(path[0], rules) && IsSeparator(path[1], rules)) return true;  // UNC, device
  return volume < path.size() && IsSeparator(path[volume], rules);
}

// Go's Clean, element by element: separators collapsed, "." dropped, ".." taking back the
// element before it (or kept at the start of a relative path).
std::string Clean(std::string_view original, Rules rules) {
  const std::size_t volume_length = VolumeNameLength(original, rules);
  const std::string volume(original.substr(0, volume_length));
  std::string_view path = original.substr(volume_length);
  if (path.empty()) {
    if (volume_length > 1 && IsSeparator(original[0], rules) && IsSeparator(original[1], rules)) {
      return FromSlash(volume, rules);
    }
    return volume + ".";
  }
  const char separator = SeparatorOf(rules);
  const bool rooted = IsSeparator(path[0], rules);
  std::string out;
  std::size_t r = 0, dotdot = 0;
  if (rooted) {
    out.push_back(separator);
    r = dotdot = 1;
  }
  const std::size_t n = path.size();
  while (r < n) {
    if (IsSeparator(path[r], rules)) {
      ++r;
    } else if (path[r] == '.' && (r + 1 == n || IsSeparator(path[r + 1], rules))) {
      ++r;
    } else if (path[r] == '.' && path[r + 1] == '.' &&
               (r + 2 == n || IsSeparator(path[r + 2], rules))) {
      r += 2;
      if (out.size() > dotdot) {
        std::size_t w = out.size() - 1;
        while (w > dotdot && !IsSeparator(out[w], rules)) --w;
        out.resize(w);
      } else if (!rooted) {
        if (!out.empty()) out.push_back(separator);
        out += "..";
        dotdot = out.size();
      }
    } else {
      if ((rooted && out.size() != 1) || (!rooted && !out.empty())) out.push_back(separator);
      // A ':' in the first element of a relative Windows path would make it a drive
      // ("a/../c:" must not become "c:"): Go puts ".\" before it.
      if (rules == Rules::kWindows && out.empty() && volume_length == 0 && r != 0) {
        for (std::size_t i = r; i < n && !IsSeparator(path[i], rules); ++i) {
          if (path[i] == ':') {
            out.push_back('.');
            out.push_back(separator);
            break;
          }
        }
      }
      for (; r < n && !IsSeparator(path[r], rules); ++r) out.push_back(path[r]);
    }
  }
  if (out.empty()) out.push_back('.');
  return FromSlash(volume + out, rules);
}

std::string Join(const std::vector<std::string>& elements, Rules rules) {
  std::size_t first = 0;
  while (first < elements.size() && elements[first].empty()) ++first;
  if (first == elements.size()) return "";
  std::string joined = elements[first];
  for (std::size_t i = first + 1; i < elements.size(); ++i) {
    if (elements[i].empty()) continue;
    // Windows: a bare drive is joined without a separator ("c:" + "a" is "c:a").
    const bool bare_drive = rules == Rules::kWindows && joined.size() == 2 && joined[1] == ':';
    if (!bare_drive) joined.push_back(SeparatorOf(rules));
    joined += elements[i];
  }
  return Clean(joined, rules);
}

std::string Dir(std::string_view path, Rules rules) {
  const std::size_t volume_length = VolumeNameLength(path, rules);
  std::size_t i = path.size();
  while (i > volume_length && !IsSeparator(path[i - 1], rules)) --i;
  std::string dir = Clean(path.substr(volume_length, i - volume_length), rules);
  const std::string volume = FromSlash(std::string(path.substr(0, volume_length)), rules);
  if (dir == "." && volume_length > 2) return volume;  // a UNC share alone
  return volume + dir;
}

std::vector<std::string> SplitList(std::string_view list, Rules rules) {
  std::vector<std::string> entries;
  if (list.empty()) return entries;
  const char separator = rules == Rules::kWindows ? ';' : ':';
  std::string entry;
  bool quoted = false;
  for (char c : list) {
    if (rules == Rules::kWindows && c == '"') {
      quoted = !quoted;  // the quotes themselves are dropped
    } else if (c == separator && !quoted) {
      entries.push_back(std::move(entry));
      entry.clear();
    } else {
      entry.push_back(c);
    }
  }
  entries.push_back(std::move(entry));
  return entries;
}

}  // namespace pvcwatch::go::filepath
