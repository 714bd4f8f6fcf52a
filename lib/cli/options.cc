#include "cli/options.h"

#include <cxxopts.hpp>

#include <stdexcept>

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
  // strconv.ParseBool's words, as pflag accepts them.
  for (const char* t : {"1", "t", "T", "true", "TRUE", "True"}) {
    if (value == t) return true;
  }
  for (const char* f : {"0", "f", "F", "false", "FALSE", "False"}) {
    if (value == f) return false;
  }
  throw UsageError("invalid argument \"" + value + "\" for \"" + flag +
                   "\" flag: strconv.ParseBool: parsing \"" + value + "\": invalid syntax");
}

cxxopts::Options Declare() {
  cxxopts::Options o("kubectl pvcwatch");
  o.allow_unrecognised_options();
  o.add_options()
      ("kubeconfig", "", cxxopts::value<std::string>())
      ("context", "", cxxopts::value<std::string>())
      ("cluster", "", cxxopts::value<std::string>())
      ("user", "", cxxopts::value<std::string>())
      ("n,namespace", "", cxxopts::value<std::string>())
      ("s,server", "", cxxopts::value<std::string>())
      ("token", "", cxxopts::value<std::string>())
      ("username", "", cxxopts::value<std::string>())
      ("password", "", cxxopts::value<std::string>())
      ("certificate-authority", "", cxxopts::value<std::string>())
      ("client-certificate", "", cxxopts::value<std::string>())
      ("client-key", "", cxxopts::value<std::string>())
      ("insecure-skip-tls-verify", "", cxxopts::value<std::string>()->implicit_value("true"))
      ("tls-server-name", "", cxxopts::value<std::string>())
      ("request-timeout", "", cxxopts::value<std::string>())
      ("as", "", cxxopts::value<std::string>())
      ("v", "", cxxopts::value<std::string>())
      ("A,all-namespaces", "", cxxopts::value<std::string>()->implicit_value("true"))
      ("l,selector", "", cxxopts::value<std::string>())
      ("field-selector", "", cxxopts::value<std::string>())
      ("max-claims", "", cxxopts::value<std::string>())
      ("once", "", cxxopts::value<std::string>()->implicit_value("true"))
      ("from-file", "", cxxopts::value<std::string>())
      ("o,output", "", cxxopts::value<std::string>())
      ("no-headers", "", cxxopts::value<std::string>()->implicit_value("true"))
      ("show-labels", "", cxxopts::value<std::string>()->implicit_value("true"))
      ("exec", "", cxxopts::value<std::string>())
      ("h,help", "", cxxopts::value<std::string>()->implicit_value("true"))
      ("version", "", cxxopts::value<std::string>()->implicit_value("true"))
      ("args", "", cxxopts::value<std::vector<std::string>>());
  o.parse_positional({"args"});
  return o;
}

// pflag spellings cxxopts does not take: `-n=ns` (cxxopts keeps the '='), and the
// repeatable --as-group (a cxxopts vector would split "a,b" on the comma).
std::vector<std::string> Normalize(int argc, const char* const argv[], Options& options) {
  std::vector<std::string> args{argv[0]};
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") {
      if (i + 1 < argc) throw UsageError("unknown command \"" + std::string(argv[i + 1]) + "\"");
      break;
    }
    if (arg == "--as-group") {
      if (i + 1 >= argc) throw UsageError("flag needs an argument: --as-group");
      options.as_groups.push_back(argv[++i]);
      continue;
    }
    if (arg.rfind("--as-group=", 0) == 0) {
      options.as_groups.push_back(arg.substr(11));
      continue;
    }
    // pflag's long spelling of -v is --v; cxxopts knows one-letter options only as -v.
    if (arg == "--v") arg = "-v";
    if (arg.rfind("--v=", 0) == 0) arg = "-v=" + arg.substr(4);
    // A boolean shorthand with "=" takes the value ("-A=false"), as in pflag.
    if (arg.rfind("-A=", 0) == 0) {
      args.push_back("--all-namespaces=" + arg.substr(3));
      continue;
    }
    if (arg.rfind("-h=", 0) == 0) {
      args.push_back("--help=" + arg.substr(3));
      continue;
    }
    if (arg.size() > 2 && arg[0] == '-' && arg[1] != '-' && arg[2] == '=') {
      args.push_back(arg.substr(0, 2));
      args.push_back(arg.substr(3));
      continue;
    }
    args.push_back(arg);
  }
  return args;
}

}  // namespace

Options ParseOptions(int argc, const char* const argv[]) {
  Options options;
  std::vector<std::string> args = Normalize(argc, argv, options);
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

  auto text = [&](const char* name, std::string& out) {
    if (result.count(name)) out = result[name].as<std::string>();
  };
  // pflag names a flag with a shorthand as "-A, --all-namespaces" in its errors.
  auto flag = [&](const char* name, bool& out) {
    if (!result.count(name)) return;
    std::string shown = std::string("--") + name;
    if (std::string_view(name) == "all-namespaces") shown = "-A, " + shown;
    if (std::string_view(name) == "help") shown = "-h, " + shown;
    out = ParseBool(shown, result[name].as<std::string>());
  };
  text("kubeconfig", options.kubeconfig);
  text("context", options.context);
  text("cluster", options.cluster);
  text("user", options.user);
  text("namespace", options.namespace_name);
  text("server", options.server);
  text("token", options.token);
  text("username", options.username);
  text("password", options.password);
  text("certificate-authority", options.certificate_authority);
  text("client-certificate", options.client_certificate);
  text("client-key", options.client_key);
  if (result.count("insecure-skip-tls-verify")) {
    options.insecure_skip_tls_verify = ParseBool(
        "--insecure-skip-tls-verify", result["insecure-skip-tls-verify"].as<std::string>());
  }
  text("tls-server-name", options.tls_server_name);
  text("request-timeout", options.request_timeout);
  text("as", options.as);
  if (result.count("v")) {
    std::string level = result["v"].as<std::string>();
    try {
      size_t used = 0;
      options.verbosity = std::stoi(level, &used);
      if (used != level.size() || options.verbosity < 0) throw std::invalid_argument(level);
    } catch (const std::exception&) {
      throw UsageError("invalid argument \"" + level + "\" for \"-v, --v\" flag: strconv.ParseInt: parsing \"" + level + "\": invalid syntax");
    }
  }
  flag("all-namespaces", options.all_namespaces);
  text("selector", options.label_selector);
  text("field-selector", options.field_selector);
  text("max-claims", options.max_claims);
  flag("once", options.once);
  text("from-file", options.from_file);
  text("output", options.output);
  flag("no-headers", options.no_headers);
  flag("show-labels", options.show_labels);
  text("exec", options.exec);
  flag("help", options.help);
  flag("version", options.version);

  if (!options.output.empty() && options.output != "wide" && options.output != "json" &&
      options.output != "yaml") {
    // Not a usage error: kubectl's printer flags reject it after parsing, so kubectl
    // prints it alone, without the pointer to --help.
    throw std::runtime_error("unable to match a printer suitable for the output format \"" +
                             options.output + "\", allowed formats are: json,wide,yaml");
  }
  if (options.max_claims != "quota") {
    const std::string prefix = "invalid argument \"" + options.max_claims + "\" for \"--max-claims\" flag: ";
    try {
      if (Quantity::Parse(options.max_claims).Sign() <= 0) {
        throw UsageError(prefix + "must be a quantity greater than zero, or quota");
      }
    } catch (const QuantityError& e) {
      throw UsageError(prefix + e.what());
    }
  }
  if (!options.from_file.empty()) options.once = true;
  return options;
}

}  // namespace pvcwatch::cli
