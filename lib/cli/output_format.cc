#include "cli/output_format.h"

#include <optional>
#include <stdexcept>
#include <string_view>

#include "go/os.h"
#include "go/strconv.h"

namespace pvcwatch::cli {
namespace {

using Kind = OutputFormat::Kind;

// What kubectl get's PrintFlags.AllowedFormats lists, less the Go templates we do not
// implement, in its order (json/yaml, name, jsonpath, custom columns, wide).
constexpr const char* kAllowedFormats =
    "json,yaml,name,jsonpath,jsonpath-as-json,jsonpath-file,custom-columns,custom-columns-file,"
    "wide";

// A template file is small; this keeps a wrong path (a disk image) from filling memory.
constexpr std::size_t kMaxTemplateFile = 1u << 20;

std::runtime_error NoCompatiblePrinter(const std::string& output) {
  return std::runtime_error("unable to match a printer suitable for the output format " +
                            go::Quote(output) + ", allowed formats are: " + kAllowedFormats);
}

// "FORMAT=VALUE" or "FORMAT" for one of `formats`, as the printer flags split it.
struct Split {
  std::string format;
  std::string value;
};
std::optional<Split> SplitTemplate(const std::string& output,
                                   std::initializer_list<std::string_view> formats) {
  for (std::string_view format : formats) {
    if (output == format) return Split{output, ""};
    if (output.size() > format.size() && output.compare(0, format.size(), format) == 0 &&
        output[format.size()] == '=') {
      return Split{std::string(format), output.substr(format.size() + 1)};
    }
  }
  return std::nullopt;
}

std::string ReadTemplateFile(const std::string& path) {
  std::string error;
  std::optional<std::string> text = go::ReadFile(path, &error, nullptr, kMaxTemplateFile);
  if (!text) throw std::runtime_error("error reading --template " + path + ", " + error);
  return std::move(*text);
}

}  // namespace

OutputFormat ParseOutputFormat(const std::string& output) {
  OutputFormat format;
  if (output.empty()) return format;
  if (output == "wide" || output == "json" || output == "yaml" || output == "name") {
    format.kind = output == "wide"   ? Kind::kWide
                  : output == "json" ? Kind::kJson
                  : output == "yaml" ? Kind::kYaml
                                     : Kind::kName;
    return format;
  }
  // cli-runtime's JSONPathPrintFlags.ToPrinter, then kubectl's CustomColumnsPrintFlags.
  if (auto split = SplitTemplate(output, {"jsonpath", "jsonpath-file", "jsonpath-as-json"})) {
    if (split->value.empty()) {
      throw std::runtime_error("template format specified but no template given");
    }
    format.kind = split->format == "jsonpath-as-json" ? Kind::kJsonPathAsJson : Kind::kJsonPath;
    format.argument =
        split->format == "jsonpath-file" ? ReadTemplateFile(split->value) : split->value;
    return format;
  }
  if (auto split = SplitTemplate(output, {"custom-columns", "custom-columns-file"})) {
    if (split->value.empty()) {
      throw std::runtime_error("custom-columns format specified but no custom columns given");
    }
    format.kind = Kind::kCustomColumns;
    format.from_file = split->format == "custom-columns-file";
    format.argument = split->value;  // a file is read by print::CustomColumnsPrinter
    return format;
  }
  throw NoCompatiblePrinter(output);
}

bool IsDocumentOutput(const OutputFormat& format) {
  return format.kind == Kind::kJson || format.kind == Kind::kYaml;
}

bool IsTableOutput(const OutputFormat& format) {
  return format.kind == Kind::kTable || format.kind == Kind::kWide;
}

}  // namespace pvcwatch::cli
