#include "jsonpath/relaxed.h"

#include <optional>

#include "jsonpath/parser.h"

namespace pvcwatch::jsonpath {
namespace {

// [^{}]+ after an optional '.', which the regexp takes only when something follows it.
std::optional<std::string_view> FieldSpec(std::string_view s) {
  if (s.empty() || s.find_first_of("{}") != std::string_view::npos) return std::nullopt;
  if (s.size() > 1 && s[0] == '.') s.remove_prefix(1);
  return s;
}

}  // namespace

std::string RelaxedJsonPathExpression(std::string_view path) {
  if (path.empty()) return {};
  // kubectl's ^\{\.?([^{}]+)\}$|^\.?([^{}]+)$, first alternative first.
  std::optional<std::string_view> spec;
  if (path.size() >= 2 && path.front() == '{' && path.back() == '}') {
    spec = FieldSpec(path.substr(1, path.size() - 2));
  }
  if (!spec) spec = FieldSpec(path);
  if (!spec) {
    throw ParseError(
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or "
        "'{name1.name2}' or '{.name1.name2}'");
  }
  return "{." + std::string(*spec) + "}";
}

}  // namespace pvcwatch::jsonpath
