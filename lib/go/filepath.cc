#include "go/filepath.h"

#include <cstddef>

// Mirrors Go 1.26's internal/filepathlite (path.go, path_windows.go, path_unix.go) and
// path/filepath's path_windows.go / path_unix.go (Join, SplitList).

namespace pvcwatch::go::filepath {
namespace {

bool IsSeparator(char c, Rules rules) {
  return c == '/' || (rules == Rules::kWindows && c == '\\');
}

char SeparatorOf(Rules rules) { return rules == Rules::kWindows ? '\\' : '/'; }

char Upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// The end of the path element starting at `from` (the next separator, or the end).
std::size_t ElementEnd(std::string_view path, std::size_t from) {
  while (from < path.size() && !IsSeparator(path[from], Rules::kWindows)) ++from;
  return from;
}

// pathHasPrefixFold: `prefix` ignoring case and separator kind, then a separator or the end.
bool HasPrefixFold(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const bool same =
        prefix[i] == '\\' ? IsSeparator(s[i], Rules::kWindows) : Upper(prefix[i]) == Upper(s[i]);
    if (!same) return false;
  }
  return s.size() == prefix.size() || IsSeparator(s[prefix.size()], Rules::kWindows);
}

// uncLen: a share's volume runs up to its second separator after `from`, or to the end.
std::size_t UncLength(std::string_view path, std::size_t from) {
  int separators = 0;
  for (std::size_t i = from; i < path.size(); ++i) {
    if (IsSeparator(path[i], Rules::kWindows) && ++separators == 2) return i;
  }
  return path.size();
}

// volumeNameLen. Any character before a ':' makes a drive, as in Go. Only \\.\UNC takes
// host and share into the volume; \\.\, \\?\ and \??\ take their next element, so that
// Clean(`\\?\c:\`) keeps its '\' (go#64028).
std::size_t VolumeNameLength(std::string_view path, Rules rules) {
  if (rules != Rules::kWindows) return 0;
  if (path.size() >= 2 && path[1] == ':') return 2;
  if (path.empty() || !IsSeparator(path[0], rules)) return 0;
  if (HasPrefixFold(path, R"(\\.\UNC)")) return UncLength(path, 8);
  if (HasPrefixFold(path, R"(\\.)") || HasPrefixFold(path, R"(\\?)") ||
      HasPrefixFold(path, R"(\??)")) {
    return path.size() == 3 ? 3 : ElementEnd(path, 4);
  }
  if (path.size() >= 2 && IsSeparator(path[1], rules)) return UncLength(path, 2);
  return 0;
}

std::string Replace(std::string_view path, char from, char to) {
  std::string out(path);
  for (char& c : out) c = c == from ? to : c;
  return out;
}

// Go's lazybuf: Clean's output is the input's own prefix until it first differs, and a
// buffer the input's size from then on. postClean acts only once they differ, and scans
// that buffer whole, past the output's end, as Go does; hence the class rather than a
// plain string (Clean(`a//b:/../../cde`) is `.\cde` in Go).
class CleanBuffer {
 public:
  explicit CleanBuffer(std::string_view input) : input_(input) {}
  std::size_t size() const { return w_; }
  void Truncate(std::size_t w) { w_ = w; }
  char operator[](std::size_t i) const { return copied_ ? buffer_[i] : input_[i]; }
  void Append(char c) {
    if (!copied_) {
      if (w_ < input_.size() && input_[w_] == c) {
        ++w_;
        return;
      }
      buffer_.assign(input_.size(), '\0');
      buffer_.replace(0, w_, input_.substr(0, w_));
      copied_ = true;
    }
    buffer_[w_++] = c;
  }
  std::string Text() const {
    return copied_ ? buffer_.substr(0, w_) : std::string(input_.substr(0, w_));
  }

  // postClean: a relative result whose first element holds ':' gets ".\" ("a/../c:" must
  // not become the drive "c:"), one starting "\??" gets "\." (not a device path).
  void PostCleanWindows() {
    if (!copied_) return;
    for (char c : buffer_) {
      if (IsSeparator(c, Rules::kWindows)) break;
      if (c == ':') return Prepend(R"(.\)");
    }
    if (buffer_.size() >= 3 && IsSeparator(buffer_[0], Rules::kWindows) && buffer_[1] == '?' &&
        buffer_[2] == '?') {
      Prepend(R"(\.)");
    }
  }

 private:
  void Prepend(std::string_view prefix) {
    buffer_.insert(0, prefix);
    w_ += prefix.size();
  }

  std::string_view input_;
  std::string buffer_;
  bool copied_ = false;
  std::size_t w_ = 0;
};

}  // namespace

std::string VolumeName(std::string_view path, Rules rules) {
  return FromSlash(path.substr(0, VolumeNameLength(path, rules)), rules);
}

bool IsAbs(std::string_view path, Rules rules) {
  if (rules == Rules::kUnix) return !path.empty() && path[0] == '/';
  const std::size_t volume = VolumeNameLength(path, rules);
  if (volume == 0) return false;
  // A volume starting with two separators (a share, a device path) is absolute alone.
  if (IsSeparator(path[0], rules) && IsSeparator(path[1], rules)) return true;
  return volume < path.size() && IsSeparator(path[volume], rules);
}

// Go's Clean, element by element: separators collapsed, "." dropped, ".." taking back the
// element before it, kept at the start of a relative path, dropped at a root.
std::string Clean(std::string_view original, Rules rules) {
  const std::size_t volume_length = VolumeNameLength(original, rules);
  const std::string_view path = original.substr(volume_length);
  if (path.empty()) {
    if (volume_length > 1 && IsSeparator(original[0], rules) && IsSeparator(original[1], rules)) {
      return FromSlash(original, rules);  // a share or device alone keeps its form
    }
    return std::string(original) + ".";  // "C:" is "C:.", the drive's current directory
  }
  const char separator = SeparatorOf(rules);
  const bool rooted = IsSeparator(path[0], rules);
  const std::size_t n = path.size();
  CleanBuffer out(path);
  std::size_t r = 0, dotdot = 0;  // dotdot: where ".." stops backtracking
  if (rooted) {
    out.Append(separator);
    r = dotdot = 1;
  }
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
        out.Truncate(w);
      } else if (!rooted) {
        if (out.size() > 0) out.Append(separator);
        out.Append('.');
        out.Append('.');
        dotdot = out.size();
      }
    } else {
      if ((rooted && out.size() != 1) || (!rooted && out.size() != 0)) out.Append(separator);
      for (; r < n && !IsSeparator(path[r], rules); ++r) out.Append(path[r]);
    }
  }
  if (out.size() == 0) out.Append('.');
  if (rules == Rules::kWindows && volume_length == 0) out.PostCleanWindows();
  return FromSlash(std::string(original.substr(0, volume_length)) + out.Text(), rules);
}

std::string Join(const std::vector<std::string>& elements, Rules rules) {
  std::string joined;
  if (rules == Rules::kUnix) {
    std::size_t i = 0;
    while (i < elements.size() && elements[i].empty()) ++i;
    if (i == elements.size()) return "";
    for (joined = elements[i++]; i < elements.size(); ++i) joined += '/' + elements[i];
    return Clean(joined, rules);
  }
  // Windows (path_windows.go join): the first non-empty element as it is; after one that
  // ends in a separator the next one's leading separators go (so that "\" + "a" does not
  // make the share "\\a"); after a ':' nothing goes between ("C:" + "a" is "C:a", relative
  // to the drive's current directory); a '\' otherwise.
  char last = 0;
  for (const std::string& element : elements) {
    std::string_view e = element;
    if (!joined.empty() && IsSeparator(last, rules)) {
      while (!e.empty() && IsSeparator(e[0], rules)) e.remove_prefix(1);
      // "\" + "??\a" would make the device path \??\a: Go writes \.\??\a.
      if (joined.size() == 1 && e.substr(0, 2) == "??" &&
          (e.size() == 2 || IsSeparator(e[2], rules))) {
        joined += R"(.\)";
      }
    } else if (!joined.empty() && last != ':') {
      joined += '\\';
      last = '\\';
    }
    if (!e.empty()) {
      joined += e;
      last = e.back();
    }
  }
  return joined.empty() ? "" : Clean(joined, rules);
}

std::string Dir(std::string_view path, Rules rules) {
  const std::size_t volume_length = VolumeNameLength(path, rules);
  std::size_t i = path.size();
  while (i > volume_length && !IsSeparator(path[i - 1], rules)) --i;
  const std::string dir = Clean(path.substr(volume_length, i - volume_length), rules);
  const std::string volume = FromSlash(path.substr(0, volume_length), rules);
  if (dir == "." && volume_length > 2) return volume;  // a share alone: "\\host\share"
  return volume + dir;
}

std::string Base(std::string_view path, Rules rules) {
  if (path.empty()) return ".";
  while (!path.empty() && IsSeparator(path.back(), rules)) path.remove_suffix(1);
  path.remove_prefix(VolumeNameLength(path, rules));
  std::size_t i = path.size();
  while (i > 0 && !IsSeparator(path[i - 1], rules)) --i;
  path.remove_prefix(i);
  if (path.empty()) return std::string(1, SeparatorOf(rules));
  return std::string(path);
}

// path_windows.go splitList (which os/exec's LookPath shares): ';' inside double quotes
// does not split, and every '"' is then removed. Unix splits on each ':', quotes and all.
std::vector<std::string> SplitList(std::string_view list, Rules rules) {
  std::vector<std::string> entries;
  if (list.empty()) return entries;
  const char separator = rules == Rules::kWindows ? ';' : ':';
  std::string entry;
  bool quoted = false;
  for (char c : list) {
    if (rules == Rules::kWindows && c == '"') {
      quoted = !quoted;
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

std::string ToSlash(std::string_view path, Rules rules) {
  return rules == Rules::kWindows ? Replace(path, '\\', '/') : std::string(path);
}

std::string FromSlash(std::string_view path, Rules rules) {
  return rules == Rules::kWindows ? Replace(path, '/', '\\') : std::string(path);
}

}  // namespace pvcwatch::go::filepath
