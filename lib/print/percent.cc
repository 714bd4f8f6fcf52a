#include "print/percent.h"

#include <cstdio>

namespace pvcwatch::print {

std::string FormatPercent(double percent) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%3.1f", percent);
  return buf;
}

json::Value PercentNumber(double percent) {
  std::string text = FormatPercent(percent);
  while (!text.empty() && text.front() == ' ') text.erase(text.begin());
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return json::Value::Number(text);
}

}  // namespace pvcwatch::print
