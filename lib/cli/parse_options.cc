#include "cli/parse_options.h"

#include <cxxopts.hpp>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "cli/flags.h"
#include "cli/notify_options.h"
#include "go/strconv.h"
#include "quantity/quantity.h"

namespace pvcwatch::cli {
namespace {

// cxxopts names options in its messages between curly quotes: ‘name’.
std::string QuotedName(const std::string& message) {
  const std::string open = "\xe2\x80\x98", close = "\xe2\x80\x99";
  size_t start = message.find(open);
  size_t end = message.find(close, start == std::string::npos ? 0 : start + open.size());
  if (start == std::string::npos || end == std::string::npos) return "";
  return message.substr(start + open.size(), end - start - open.size());
}

std::string FlagName(const std::string& name) {
  return name.size() == 1 ? "'" + name + "' in -" + name : "--" + name;
}

bool ParseBool(const std::string& flag, const std::string& value) {
  if (std::optional<bool> parsed = go::ParseBool(value)) return *parsed;
  throw UsageError("invalid argument " + go::Quote(value) + " for \"" + flag +
                   "\" flag: " + go::NumErrorText("ParseBool", value, go::NumError::kSyntax));
}

bool Repeatable(const Flag& flag) {
  return flag.type == FlagType::kStringArray || flag.type == FlagType::kStringSlice;
}

// The flag table as cxxopts options. Every value is read as text and checked here, so
// that errors carry pflag's words.
cxxopts::Options Declare() {
  cxxopts::Options o("kubectl pvcwatch");
  o.allow_unrecognised_options();
  auto add = o.add_options();
  for (const Flag& flag : Flags()) {
    if (Repeatable(flag)) continue;  // Normalize takes these
    // pflag's one-letter long name (--v) is cxxopts' shorthand; Normalize maps it.
    std::string spec = flag.name.size() == 1 ? flag.name
                       : flag.shorthand != 0 ? std::string(1, flag.shorthand) + "," + flag.name
                                             : flag.name;
    auto value = cxxopts::value<std::string>();
    if (flag.type == FlagType::kBool) value->implicit_value("true");
    add(spec, "", value);
  }
  add("args", "", cxxopts::value<std::vector<std::string>>());
  o.parse_positional({"args"});
  return o;
}

// The values of repeatable flags, in the order given.
using Repeated = std::vector<std::pair<const Flag*, std::string>>;

// pflag spellings cxxopts does not take: `-n=ns` (cxxopts keeps the '='), a boolean
// shorthand with a value (`-A=false`), the long spelling of a one-letter flag (`--v=2`),
// and repeatable flags (a cxxopts vector would split "a,b" on the comma).
std::vector<std::string> Normalize(int argc, const char* const argv[], Repeated& repeated) {
  std::vector<std::string> args{argv[0]};
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") {
      if (i + 1 < argc) throw UsageError("unknown command \"" + std::string(argv[i + 1]) + "\"");
      break;
    }
    bool long_form = arg.rfind("--", 0) == 0;
    const size_t eq = arg.find('=');
    const Flag* flag =
        long_form ? FindFlag(std::string_view(arg).substr(2, eq == std::string::npos ? eq : eq - 2))
        : arg.size() > 1 && arg[0] == '-' ? FindShorthand(arg[1])
                                          : nullptr;
    if (flag != nullptr && Repeatable(*flag)) {
      // --name=V, --name V, -XV, -X=V, -X V.
      if (long_form && eq != std::string::npos) {
        repeated.emplace_back(flag, arg.substr(eq + 1));
      } else if (!long_form && arg.size() > 2) {
        repeated.emplace_back(flag, arg.substr(arg[2] == '=' ? 3 : 2));
      } else if (i + 1 < argc) {
        repeated.emplace_back(flag, argv[++i]);
      } else {
        throw UsageError(long_form ? "flag needs an argument: --" + flag->name
                                   : "flag needs an argument: '" + std::string(1, arg[1]) +
                                         "' in -" + std::string(1, arg[1]));
      }
      continue;
    }
    if (long_form && flag != nullptr && flag->name.size() == 1) {
      arg = arg.substr(1);  // --v=2 is -v=2
      long_form = false;
    }
    if (!long_form && flag != nullptr && arg.size() > 2 && arg[2] == '=') {
      if (flag->type == FlagType::kBool) {
        args.push_back("--" + flag->name + arg.substr(2));
      } else {
        args.push_back(arg.substr(0, 2));
        args.push_back(arg.substr(3));
      }
      continue;
    }
    args.push_back(arg);
  }
  return args;
}

// A value as the flag's type reads it; a bool becomes "true" or "false".
std::string Checked(const Flag& flag, const std::string& value) {
  if (flag.type == FlagType::kBool) return ParseBool(ShownName(flag), value) ? "true" : "false";
  // klog's -v is a Level, strconv.ParseInt(value, 10, 32); --chunk-size an int64.
  if (flag.type == FlagType::kInt || flag.type == FlagType::kInt64) {
    const int bits = flag.type == FlagType::kInt ? 32 : 64;
    if (const auto parsed = go::ParseInt(value, 10, bits); !parsed.ok()) {
      throw UsageError("invalid argument " + go::Quote(value) + " for \"" + ShownName(flag) +
                       "\" flag: " + go::NumErrorText("ParseInt", value, parsed.error));
    }
  }
  return value;
}

// pflag's StringSlice reads a value as one CSV record (encoding/csv): fields split at
// commas, a field in double quotes may hold commas and doubled quotes. "" is no field.
std::vector<std::string> SplitSlice(const Flag& flag, const std::string& value) {
  std::vector<std::string> fields;
  if (value.empty()) return fields;
  std::string field;
  bool quoted = false, was_quoted = false;
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < value.size() && value[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '"' || was_quoted) {
      throw UsageError("invalid argument " + go::Quote(value) + " for \"" + ShownName(flag) +
                       "\" flag: parse error on line 1, column " + std::to_string(i + 1) +
                       ": extraneous or missing \" in quoted-field");
    } else {
      field += c;
    }
  }
  if (quoted) {
    throw UsageError("invalid argument " + go::Quote(value) + " for \"" + ShownName(flag) +
                     "\" flag: record on line 1; parse error on line 2, column 0: extraneous "
                     "or missing \" in quoted-field");
  }
  fields.push_back(std::move(field));
  return fields;
}

// kubectl get's Validate, for the flags that only some printers take; and the watch
// flags, which --once (and --from-file) leave nothing to act on.
void Validate(const Options& options) {
  const std::string& output = options.output;
  if (options.show_labels && !output.empty() && output != "wide") {
    throw std::runtime_error("--show-labels option cannot be used with " + output + " printer");
  }
  if (!options.label_columns.empty() && output.rfind("custom-columns", 0) == 0) {
    throw std::runtime_error("--label-columns option cannot be used with " + output + " printer");
  }
  if (options.once && (options.output_watch_events || options.watch_only)) {
    throw std::runtime_error(
        std::string(options.output_watch_events ? "--output-watch-events" : "--watch-only") +
        " option can only be used when watching, not with " +
        (options.from_file.empty() ? "--once" : "--from-file"));
  }
}

// --max-claims, --count and --warn-at, checked together.
LimitOptions ParseLimits(const Options& options) {
  LimitOptions limits;
  const auto invalid = [](const std::string& value, const char* flag, const std::string& why) {
    return UsageError("invalid argument \"" + value + "\" for \"--" + flag + "\" flag: " + why);
  };
  for (const std::string& value : options.max_claims) {
    if (value == "quota") {
      limits.quota = true;
      continue;
    }
    Quantity max;
    try {
      max = Quantity::Parse(value);
    } catch (const QuantityError& e) {
      throw invalid(value, "max-claims", e.what());
    }
    if (max.Sign() <= 0) {
      throw invalid(value, "max-claims", "must be a quantity greater than zero, or quota");
    }
    if (limits.max) throw invalid(value, "max-claims", "only one quantity limits the total");
    limits.max = max;
  }
  if (options.max_claims.empty()) limits.max = Quantity::Parse("200Gi");
  if (limits.quota && !options.from_file.empty()) {
    throw UsageError(
        "--max-claims quota follows the cluster's ResourceQuotas; it cannot be "
        "used with --from-file");
  }
  if (limits.quota && !(options.label_selector.empty() && options.field_selector.empty())) {
    // A quota charges every claim of its namespace: the budgets of a selection would be
    // wrong, silently.
    throw UsageError(
        "--max-claims quota counts every claim as the quota does; it cannot be "
        "used with " +
        std::string(options.label_selector.empty() ? "--field-selector" : "-l/--selector"));
  }
  limits.basis = limits.quota ? pvc::Basis::kQuota : pvc::Basis::kRequests;
  if (!options.count.empty()) {
    const std::optional<pvc::Basis> basis = pvc::ParseBasis(options.count);
    if (!basis) throw invalid(options.count, "count", "must be one of requests, quota, capacity");
    limits.basis = *basis;
  }
  if (!options.warn_at.empty()) {
    std::string number = options.warn_at;
    if (number.back() == '%') number.pop_back();
    const bool plain =
        !number.empty() && number.find_first_not_of("0123456789.") == std::string::npos;
    std::optional<Quantity> percent;
    try {
      if (plain) percent = Quantity::Parse(number);
    } catch (const QuantityError&) {
    }
    if (!percent || percent->Sign() <= 0 || percent->Cmp(Quantity::Parse("100")) >= 0) {
      throw invalid(options.warn_at, "warn-at", "must be a percentage between 0 and 100, e.g. 80%");
    }
    limits.warn_percent = percent;
  }
  return limits;
}

}  // namespace

Options ParseOptions(int argc, const char* const argv[]) {
  Options options;
  Repeated repeated;
  std::vector<std::string> args = Normalize(argc, argv, repeated);
  std::vector<const char*> raw;
  for (const auto& a : args) raw.push_back(a.c_str());
  cxxopts::Options declared = Declare();
  cxxopts::ParseResult result;
  try {
    result = declared.parse(static_cast<int>(raw.size()), raw.data());
  } catch (const cxxopts::exceptions::missing_argument& e) {
    throw UsageError("flag needs an argument: " + FlagName(QuotedName(e.what())));
  } catch (const cxxopts::exceptions::exception& e) {
    throw UsageError(e.what());
  }
  for (const std::string& unknown : result.unmatched()) {
    if (unknown.rfind("--", 0) == 0) {
      throw UsageError("unknown flag: " + unknown.substr(0, unknown.find('=')));
    }
    throw UsageError("unknown shorthand flag: '" + unknown.substr(1, 1) + "' in " + unknown);
  }

  if (result.count("args")) {
    throw UsageError("unknown command \"" + result["args"].as<std::vector<std::string>>()[0] +
                     "\" for \"kubectl pvcwatch\"");
  }

  for (const Flag& flag : Flags()) {
    if (flag.type != FlagType::kStringArray && result.count(flag.name)) {
      flag.set(options, Checked(flag, result[flag.name].as<std::string>()));
    }
  }
  for (const auto& [flag, value] : repeated) {
    if (flag->type == FlagType::kStringArray) {
      flag->set(options, value);
    } else {
      const std::vector<std::string> fields = SplitSlice(*flag, value);
      for (const std::string& field : fields) flag->set(options, field);
      // An empty --max-claims is refused as the quantity "" it holds: read as no values,
      // it would silently mean the default limit.
      if (fields.empty() && flag->name == "max-claims") flag->set(options, "");
    }
  }

  options.chunk_size_given = result.count("chunk-size") > 0;

  // Not usage errors: kubectl's printer flags reject these after parsing, so kubectl
  // prints them alone, without the pointer to --help.
  if (!options.from_file.empty()) options.once = true;
  options.format = ParseOutputFormat(options.output);
  Validate(options);
  options.limits = ParseLimits(options);
  options.notify = ParseNotifyOptions(options);
  return options;
}

}  // namespace pvcwatch::cli
