#pragma once

// Go's path/filepath, lexical part: Windows' rules (drive letters, UNC shares, '\' and
// '/' both separators, ';' between list entries) and Unix's, both compiled everywhere so
// that either can be tested; the unqualified functions use this platform's.

#include <string>
#include <string_view>
#include <vector>

namespace pvcwatch::go::filepath {

/// Which operating system's path rules.
enum class Rules { kUnix, kWindows };

#if defined(_WIN32)
inline constexpr Rules kNative = Rules::kWindows;
inline constexpr char kSeparator = '\\';
#else
inline constexpr Rules kNative = Rules::kUnix;
inline constexpr char kSeparator = '/';
#endif

/// filepath.VolumeName: "C:" or "\\host\share" (or "\\.\X"), "" on Unix.
std::string VolumeName(std::string_view path, Rules rules = kNative);
/// filepath.IsAbs.
bool IsAbs(std::string_view path, Rules rules = kNative);
/// filepath.Clean: the shortest equivalent path, lexically; "." for "".
std::string Clean(std::string_view path, Rules rules = kNative);
/// filepath.Join: the non-empty elements joined by the separator, then cleaned.
std::string Join(const std::vector<std::string>& elements, Rules rules = kNative);
/// filepath.Dir: all but the last element, cleaned.
std::string Dir(std::string_view path, Rules rules = kNative);
/// filepath.SplitList: PATH-style lists (':' on Unix; ';' on Windows, where a
/// double-quoted part may hold ';'); an empty list for "".
std::vector<std::string> SplitList(std::string_view list, Rules rules = kNative);

}  // namespace pvcwatch::go::filepath
