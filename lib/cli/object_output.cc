#include "cli/object_output.h"

#include "print/object_printer.h"

namespace pvcwatch::cli {

std::unique_ptr<print::ObjectPrinter> MakeObjectPrinter(const Options& options, std::ostream& out) {
  using Kind = OutputFormat::Kind;
  const OutputFormat& format = options.format;
  switch (format.kind) {
    case Kind::kName: return std::make_unique<print::NamePrinter>(out);
    case Kind::kJsonPath:
    case Kind::kJsonPathAsJson:
      return std::make_unique<print::JsonPathPrinter>(out, format.argument,
                                                      options.allow_missing_template_keys,
                                                      format.kind == Kind::kJsonPathAsJson);
    case Kind::kJson: return std::make_unique<print::JsonPrinter>(out);
    case Kind::kYaml: return std::make_unique<print::YamlPrinter>(out);
    case Kind::kCustomColumns:
      return std::make_unique<print::CustomColumnsObjectPrinter>(
          out, format.from_file
                   ? print::CustomColumnsPrinter::LoadTemplate(format.argument)
                   : print::CustomColumnsPrinter::FromSpec(format.argument, options.no_headers));
    case Kind::kTable:
    case Kind::kWide: break;
  }
  return nullptr;
}

}  // namespace pvcwatch::cli
