#pragma once

#include <string>

namespace pvcwatch::cli {

/// The printer -o names, as kubectl get's PrintFlags.ToPrinter picks it.
struct OutputFormat {
  enum class Kind {
    kTable,  // no -o: kubectl get's table
    kWide,
    kJson,
    kYaml,
    kName,
    kJsonPath,
    kJsonPathAsJson,
    kCustomColumns,
  };
  Kind kind = Kind::kTable;
  /// The JSONPath template (jsonpath-file: the file's text), or the custom columns spec
  /// (custom-columns-file: the file's path, with `from_file` set).
  std::string argument;
  bool from_file = false;
};

/// Reads -o's value as kubectl's printer flags do: "jsonpath=TEMPLATE", "jsonpath-file=F",
/// "jsonpath-as-json=TEMPLATE", "custom-columns=SPEC", "custom-columns-file=F", "name",
/// "json", "yaml", "wide", or "". Reads the named file. Throws std::runtime_error with
/// kubectl's text (e.g. "template format specified but no template given").
OutputFormat ParseOutputFormat(const std::string& output);

/// True for the outputs that print the summary document (-o json, -o yaml).
bool IsDocumentOutput(const OutputFormat& format);
/// True for kubectl get's table (no -o, -o wide).
bool IsTableOutput(const OutputFormat& format);

}  // namespace pvcwatch::cli
