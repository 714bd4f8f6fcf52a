// windows.h first: the other Windows headers build on it.
// clang-format off
#include <windows.h>
#include <io.h>
#include <shellapi.h>
// clang-format on

#include <algorithm>
#include <cwchar>
#include <string>

#include "go/os.h"
#include "go/utf16.h"

namespace pvcwatch::go {
namespace {

std::wstring Wide(const std::string& text) {
  const std::u16string wide = Utf16FromString(text);
  return {wide.begin(), wide.end()};
}

std::string Narrow(const wchar_t* text, std::size_t size) {
  return Utf16ToString(std::u16string_view(reinterpret_cast<const char16_t*>(text), size));
}

// Go's os.Open on Windows: shared read and write, and FILE_FLAG_BACKUP_SEMANTICS so that
// a directory opens too.
HANDLE OpenForReading(const std::string& path) {
  return ::CreateFileW(Wide(path).c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE,
                       nullptr, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
}

bool IsNotExist(DWORD code) { return code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND; }

}  // namespace

// Go's Errno.Error on Windows: FormatMessage in US English (else the user's language),
// without the trailing CR LF.
std::string ErrnoText(int errnum) {
  const DWORD flags =
      FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_ARGUMENT_ARRAY | FORMAT_MESSAGE_IGNORE_INSERTS;
  wchar_t buffer[300];
  DWORD n = ::FormatMessageW(flags, nullptr, static_cast<DWORD>(errnum),
                             MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US), buffer, 300, nullptr);
  if (n == 0)
    n = ::FormatMessageW(flags, nullptr, static_cast<DWORD>(errnum), 0, buffer, 300, nullptr);
  if (n == 0) return "winapi error #" + std::to_string(errnum);
  while (n > 0 && (buffer[n - 1] == L'\n' || buffer[n - 1] == L'\r')) --n;
  return Narrow(buffer, n);
}

std::optional<File> File::Open(const std::string& path, std::string* error, bool* missing) {
  HANDLE file = OpenForReading(path);
  const DWORD code = file == INVALID_HANDLE_VALUE ? ::GetLastError() : 0;
  if (missing) *missing = IsNotExist(code);
  if (file == INVALID_HANDLE_VALUE) {
    if (error) *error = "open " + path + ": " + ErrnoText(static_cast<int>(code));
    return std::nullopt;
  }
  return File(reinterpret_cast<std::intptr_t>(file));
}

void File::Close() {
  if (handle_ != kClosed) ::CloseHandle(reinterpret_cast<HANDLE>(handle_));
  handle_ = kClosed;
}

long File::Read(char* data, std::size_t size, int* errnum) {
  DWORD n = 0;
  const DWORD want = static_cast<DWORD>(std::min<std::size_t>(size, 1u << 30));
  if (::ReadFile(reinterpret_cast<HANDLE>(handle_), data, want, &n, nullptr)) return n;
  const DWORD code = ::GetLastError();
  if (code == ERROR_BROKEN_PIPE) return 0;  // Go reads a pipe closed by its writer as EOF
  *errnum = static_cast<int>(code);
  return -1;
}

std::optional<FileInfo> Stat(const std::string& path, std::string* error, bool* missing) {
  WIN32_FILE_ATTRIBUTE_DATA data;
  if (!::GetFileAttributesExW(Wide(path).c_str(), GetFileExInfoStandard, &data)) {
    const DWORD code = ::GetLastError();
    if (missing) *missing = IsNotExist(code);
    if (error) *error = "stat " + path + ": " + ErrnoText(static_cast<int>(code));
    return std::nullopt;
  }
  if (missing) *missing = false;
  const bool is_dir = (data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
  unsigned perm = (data.dwFileAttributes & FILE_ATTRIBUTE_READONLY) ? 0444 : 0666;
  if (is_dir) perm |= 0111;
  return FileInfo{is_dir, perm};
}

std::vector<std::string> Args(int argc, const char* const argv[]) {
  int count = 0;
  wchar_t** wide = ::CommandLineToArgvW(::GetCommandLineW(), &count);
  if (wide == nullptr) return {argv, argv + argc};
  std::vector<std::string> args;
  for (int i = 0; i < count; ++i) args.push_back(Narrow(wide[i], std::wcslen(wide[i])));
  ::LocalFree(wide);
  return args;
}

bool IsTerminal(int fd) {
  DWORD mode = 0;
  return ::GetConsoleMode(reinterpret_cast<HANDLE>(::_get_osfhandle(fd)), &mode) != 0;
}

int Getpid() { return static_cast<int>(::GetCurrentProcessId()); }

// The environment in UTF-16, as Go's syscall.Environ reads it (GetEnvironmentStrings):
// the C runtime's narrow copy would be in the ANSI code page.
std::vector<std::string> Environ() {
  std::vector<std::string> entries;
  wchar_t* block = ::GetEnvironmentStringsW();
  if (block == nullptr) return entries;
  for (const wchar_t* entry = block; *entry != L'\0';) {
    const std::size_t size = std::wcslen(entry);
    entries.push_back(Narrow(entry, size));
    entry += size + 1;
  }
  ::FreeEnvironmentStringsW(block);
  return entries;
}

std::optional<std::string> LookupEnv(const char* name) {
  const std::wstring wide_name = Wide(name);
  ::SetLastError(ERROR_SUCCESS);
  DWORD size = ::GetEnvironmentVariableW(wide_name.c_str(), nullptr, 0);
  if (size == 0) {
    if (::GetLastError() == ERROR_ENVVAR_NOT_FOUND) return std::nullopt;
    return std::string();
  }
  std::wstring value(size, L'\0');
  size = ::GetEnvironmentVariableW(wide_name.c_str(), value.data(), size);
  return Narrow(value.data(), size);
}

}  // namespace pvcwatch::go
