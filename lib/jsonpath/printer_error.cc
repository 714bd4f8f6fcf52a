#include "jsonpath/printer_error.h"

#include "go/strconv.h"
#include "jsonpath/go_format.h"

namespace pvcwatch::jsonpath {

std::string FormatParseError(std::string_view template_text, std::string_view error) {
  return "error parsing jsonpath " + std::string(template_text) + ", " + std::string(error);
}

std::string FormatExecuteError(std::string_view template_text, std::string_view error,
                               const json::Value& object) {
  // fmt.Errorf("error executing jsonpath %q: %v\n", template, details), where details
  // already ends in a blank line.
  return "error executing jsonpath " + go::Quote(template_text) +
         ": Error executing template: " + std::string(error) +
         ". Printing more information for debugging the template:\n\ttemplate was:\n\t\t" +
         std::string(template_text) + "\n\tobject given to jsonpath engine was:\n\t\t" +
         FormatGoSyntax(object) + "\n\n\n";
}

}  // namespace pvcwatch::jsonpath
