#include "print/percent.h"

#include <cstdio>

namespace pvcwatch::print {

std::string FormatPercent(double percent) {
  // %f writes every integer digit (309 for a hostile total near 1e308 times the
  // maximum), so the text is sized first rather than cut at a fixed buffer.
  const int size = std::snprintf(nullptr, 0, "%3.1f", percent);
  std::string text(static_cast<size_t>(size), '\0');
  std::snprintf(text.data(), text.size() + 1, "%3.1f", percent);
  return text;
}

json::Value PercentNumber(double percent) {
  std::string text = FormatPercent(percent);
  while (!text.empty() && text.front() == ' ') text.erase(text.begin());
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return json::Value::Number(text);
}

}  // namespace pvcwatch::print
