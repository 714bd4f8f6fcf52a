#include "metrics/exposition.h"

#include <cmath>

#include "go/strconv_float.h"

namespace pvcwatch::metrics {
namespace {

// HELP text escapes backslash and newline; label values also the double quote.
std::string Escape(const std::string& text, bool quote) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' && quote) {
      out += "\\\"";
    } else {
      out += c;
    }
  }
  return out;
}

std::string LabelText(const Labels& labels) {
  if (labels.empty()) return "";
  std::string text = "{";
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) text += ",";
    text += labels[i].first + "=\"" + Escape(labels[i].second, true) + "\"";
  }
  return text + "}";
}

}  // namespace

const char* ContentType(Format format) {
  return format == Format::kOpenMetrics
             ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
             : "text/plain; version=0.0.4; charset=utf-8";
}

Format Negotiate(const std::string& accept) {
  return accept.find("application/openmetrics-text") != std::string::npos ? Format::kOpenMetrics
                                                                          : Format::kText;
}

std::string Write(const std::vector<Family>& families, Format format) {
  std::string out;
  for (const Family& family : families) {
    const bool counter = family.type == Family::Type::kCounter;
    // The text format names a counter family by its samples' name; OpenMetrics without
    // the suffix.
    const std::string family_name =
        counter && format == Format::kText ? family.name + "_total" : family.name;
    out += "# HELP " + family_name + " " + Escape(family.help, false) + "\n";
    out += "# TYPE " + family_name + (counter ? " counter\n" : " gauge\n");
    for (const Sample& sample : family.samples) {
      out += family.name + (counter ? "_total" : "") + LabelText(sample.labels) + " " +
             sample.value + "\n";
    }
  }
  if (format == Format::kOpenMetrics) out += "# EOF\n";
  return out;
}

std::string FormatValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  return go::FormatFloat(value, 'g');
}

}  // namespace pvcwatch::metrics
