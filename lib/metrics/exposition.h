#pragma once

#include <string>
#include <utility>
#include <vector>

namespace pvcwatch::metrics {

// Prometheus' text exposition format 0.0.4 and OpenMetrics 1.0.0, as
// prometheus/common's expfmt writes them (HELP and label-value escaping, counters, the
// OpenMetrics "# EOF").

using Labels = std::vector<std::pair<std::string, std::string>>;

/// One sample: its labels and value, as the exposition text writes it.
struct Sample {
  Labels labels;
  std::string value;  // "3", "1.073741824e+09", "+Inf", "NaN"
};

/// A metric family: name (a counter's without "_total"), help, type and its samples.
struct Family {
  enum class Type { kGauge, kCounter };
  std::string name;
  std::string help;
  Type type = Type::kGauge;
  std::vector<Sample> samples;
};

enum class Format { kText, kOpenMetrics };

/// The Content-Type each format is served with.
const char* ContentType(Format format);

/// The format a scraper asks for in Accept: OpenMetrics when it names
/// application/openmetrics-text, else the text format.
Format Negotiate(const std::string& accept);

/// The families written in order, each "# HELP", "# TYPE" and its samples; a counter's
/// samples end in "_total"; OpenMetrics ends with "# EOF".
std::string Write(const std::vector<Family>& families, Format format);

/// A value as Go's strconv.FormatFloat(v, 'g', -1, 64) writes it, as client_golang does:
/// the shortest text that reads back as the same double ("1.073741824e+09", "0.5").
std::string FormatValue(double value);

}  // namespace pvcwatch::metrics
