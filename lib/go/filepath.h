#pragma once

// Go's path/filepath, lexical part: Windows' rules (drive letters, UNC shares, device
// paths, '\' and '/' both separators, ';' between list entries) and Unix's, both compiled
// everywhere so that either can be tested; the unqualified calls use this platform's.

#include <string>
#include <string_view>
#include <vector>

namespace pvcwatch::go::filepath {

/// Which operating system's path rules (an enum: `unix` is a macro in GNU modes).
enum class Rules { kUnix, kWindows };

#if defined(_WIN32)
inline constexpr Rules kNative = Rules::kWindows;
inline constexpr char kSeparator = '\\';
inline constexpr char kListSeparator = ';';
#else
inline constexpr Rules kNative = Rules::kUnix;
inline constexpr char kSeparator = '/';
inline constexpr char kListSeparator = ':';
#endif

/// filepath.VolumeName: "C:", "\\host\share", "\\.\UNC\host\share", or a device path's
/// first element ("\\?\C:", "\\.\NUL", "\??\x"); '/' turned into '\'. "" on Unix.
std::string VolumeName(std::string_view path, Rules rules = kNative);
/// filepath.IsAbs. On Windows a volume and a root ("C:\x", "\\host\share"); "\x" and
/// "C:x" are relative.
bool IsAbs(std::string_view path, Rules rules = kNative);
/// filepath.Clean: the shortest equivalent path, lexically; "." for "". On Windows with
/// '\' only, and never turning a relative path into a drive or device path.
std::string Clean(std::string_view path, Rules rules = kNative);
/// filepath.Join: the elements from the first non-empty one, joined by the separator,
/// then cleaned; "" when all are empty. On Windows "C:" + "a" is "C:a".
std::string Join(const std::vector<std::string>& elements, Rules rules = kNative);
/// filepath.Dir: all but the last element, cleaned; the volume kept.
std::string Dir(std::string_view path, Rules rules = kNative);
/// filepath.Base: the last element, trailing separators dropped; "." for "", the
/// separator for a path of separators (and for a Windows volume alone).
std::string Base(std::string_view path, Rules rules = kNative);
/// filepath.SplitList: PATH-style lists (':' on Unix; ';' on Windows, where a
/// double-quoted part may hold ';' and the quotes go); an empty list for "".
std::vector<std::string> SplitList(std::string_view list, Rules rules = kNative);
/// filepath.ToSlash: each separator as '/' (Windows' '\'; Unix paths unchanged).
std::string ToSlash(std::string_view path, Rules rules = kNative);
/// filepath.FromSlash: each '/' as the separator (Windows' '\'; Unix paths unchanged).
std::string FromSlash(std::string_view path, Rules rules = kNative);

}  // namespace pvcwatch::go::filepath
