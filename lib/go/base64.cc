#include "go/base64.h"

#include <openssl/evp.h>

namespace pvcwatch::go {
namespace {

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

[[noreturn]] void IllegalBase64(std::size_t offset) {
  throw Base64Error("illegal base64 data at input byte " + std::to_string(offset));
}

}  // namespace

std::string DecodeBase64(std::string_view text) {
  std::string out;
  unsigned quantum = 0;
  int count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r' || c == '\n') continue;
    if (c == '=') {
      // Padding closes a quantum of 2 or 3 symbols; only newlines may follow it.
      if (count < 2) IllegalBase64(i);
      std::size_t j = i + 1;
      if (count == 2) {
        while (j < text.size() && (text[j] == '\r' || text[j] == '\n')) ++j;
        if (j >= text.size() || text[j] != '=') IllegalBase64(j);
        ++j;
      }
      for (; j < text.size(); ++j) {
        if (text[j] != '\r' && text[j] != '\n') IllegalBase64(j);
      }
      quantum <<= 6 * (4 - count);
      out.push_back(static_cast<char>((quantum >> 16) & 0xff));
      if (count == 3) out.push_back(static_cast<char>((quantum >> 8) & 0xff));
      return out;
    }
    int value = Base64Value(c);
    if (value < 0) IllegalBase64(i);
    quantum = (quantum << 6) | static_cast<unsigned>(value);
    if (++count == 4) {
      out.push_back(static_cast<char>((quantum >> 16) & 0xff));
      out.push_back(static_cast<char>((quantum >> 8) & 0xff));
      out.push_back(static_cast<char>(quantum & 0xff));
      quantum = 0;
      count = 0;
    }
  }
  if (count != 0) IllegalBase64(text.size());
  return out;
}

std::string EncodeBase64(std::string_view data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');  // EVP_EncodeBlock adds a NUL
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(data.data()),
                                static_cast<int>(data.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace pvcwatch::go
