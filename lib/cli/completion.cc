#include "cli/completion.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "rest/child_process.h"

extern char** environ;

namespace pvcwatch::cli {
namespace {

// Flags whose values kubectl completes itself (kubectl's registerCompletionFuncForGlobalFlags:
// namespaces from the cluster, contexts, clusters and users from the kubeconfig).
const std::set<std::string> kKubectlCompleted = {"namespace", "context", "cluster", "user"};

// Flags whose values are file names (or a command, for --exec): the shell completes them.
const std::set<std::string> kFileValued = {"certificate-authority", "client-certificate",
                                           "client-key", "exec", "from-file", "kubeconfig"};

// The connection flags kubectl shares with us, passed on so that kubectl completes from the
// same kubeconfig, context and server as the command being typed.
const std::set<std::string> kConnectionFlags = {
    "as", "as-group", "certificate-authority", "client-certificate", "client-key", "cluster",
    "context", "insecure-skip-tls-verify", "kubeconfig", "password", "request-timeout",
    "server", "tls-server-name", "token", "user", "username"};

const CompletionFlag* FindLong(const std::string& name) {
  for (const CompletionFlag& flag : CompletionFlags()) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

const CompletionFlag* FindShort(char shorthand) {
  for (const CompletionFlag& flag : CompletionFlags()) {
    if (flag.shorthand != 0 && flag.shorthand == shorthand) return &flag;
  }
  return nullptr;
}

bool HasPrefix(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// What the words before the one being completed say, read as pflag reads them.
struct Typed {
  std::vector<std::pair<const CompletionFlag*, std::string>> values;
  std::set<std::string> names;
  const CompletionFlag* pending = nullptr;  // a flag whose value is the word being completed
  bool after_terminator = false;            // a "--" was typed: no more flags

  void Set(const CompletionFlag* flag, const std::string& value) {
    values.emplace_back(flag, value);
    names.insert(flag->name);
  }
  bool IsTrue(const std::string& name) const {
    for (const auto& [flag, value] : values) {
      if (flag->name == name && value != "false" && value != "0" && value != "f" &&
          value != "F" && value != "FALSE" && value != "False") {
        return true;
      }
    }
    return false;
  }
};

Typed ReadTyped(const std::vector<std::string>& words) {
  Typed typed;
  const size_t last = words.size() - 1;
  for (size_t i = 0; i < last; ++i) {
    const std::string& word = words[i];
    if (word == "--") {
      typed.after_terminator = true;
      break;
    }
    if (HasPrefix(word, "--")) {
      size_t eq = word.find('=');
      const CompletionFlag* flag = FindLong(word.substr(2, eq == std::string::npos ? eq : eq - 2));
      if (flag == nullptr) continue;
      if (eq != std::string::npos) {
        typed.Set(flag, word.substr(eq + 1));
      } else if (!flag->takes_value) {
        typed.Set(flag, "true");
      } else if (i + 1 < last) {
        typed.Set(flag, words[++i]);
      } else {
        typed.pending = flag;
      }
      continue;
    }
    if (word.size() < 2 || word[0] != '-') continue;
    // A group of shorthands (-Ao json), a value attached (-nns, -n=ns), or one to follow.
    for (size_t j = 1; j < word.size(); ++j) {
      const CompletionFlag* flag = FindShort(word[j]);
      if (flag == nullptr) break;
      std::string rest = word.substr(j + 1);
      bool with_equals = HasPrefix(rest, "=");
      if (with_equals) rest.erase(0, 1);
      if (!flag->takes_value) {
        typed.Set(flag, with_equals ? rest : "true");
        if (with_equals) break;
        continue;
      }
      if (!rest.empty() || with_equals) {
        typed.Set(flag, rest);
      } else if (i + 1 < last) {
        typed.Set(flag, words[++i]);
      } else {
        typed.pending = flag;
      }
      break;
    }
  }
  return typed;
}

Completion Filtered(const std::vector<std::string>& candidates, const std::string& prefix,
                    int directive) {
  Completion completion;
  completion.directive = directive;
  for (const std::string& candidate : candidates) {
    if (HasPrefix(candidate, prefix)) completion.candidates.push_back(candidate);
  }
  return completion;
}

// Cobra's flag-name completion: `--name` then `-x`, each with its usage, in name order;
// flags already typed are left out unless they can repeat.
Completion FlagNames(const Typed& typed, const std::string& prefix) {
  Completion completion;
  completion.directive = kDirectiveNoFileComp;
  for (const CompletionFlag& flag : CompletionFlags()) {
    if (typed.names.count(flag.name) != 0 && !flag.repeatable) continue;
    std::string name = "--" + flag.name;
    if (HasPrefix(name, prefix)) completion.candidates.push_back(name + "\t" + flag.usage);
    name = std::string("-") + flag.shorthand;
    if (flag.shorthand != 0 && HasPrefix(name, prefix)) {
      completion.candidates.push_back(name + "\t" + flag.usage);
    }
  }
  return completion;
}

Completion FlagValue(const CompletionFlag& flag, const Typed& typed, const std::string& prefix,
                     const KubectlCompleter& kubectl) {
  if (flag.name == "output") {
    return Filtered({"json", "wide", "yaml"}, prefix, kDirectiveNoFileComp);
  }
  if (flag.name == "max-claims") {
    return Filtered({"200Gi\tthe default", "quota\tthe namespace's ResourceQuota requests.storage"},
                    prefix, kDirectiveNoFileComp);
  }
  if (kFileValued.count(flag.name) != 0) return Completion{{}, kDirectiveDefault};
  if (kKubectlCompleted.count(flag.name) == 0) return Completion{{}, kDirectiveNoFileComp};

  std::vector<std::string> args = {"__complete", "get", "persistentvolumeclaims"};
  for (const auto& [typed_flag, value] : typed.values) {
    if (kConnectionFlags.count(typed_flag->name) != 0) {
      args.push_back("--" + typed_flag->name + "=" + value);
    }
  }
  args.push_back("--" + flag.name);
  args.push_back(prefix);
  return kubectl(args);
}

}  // namespace

const std::vector<CompletionFlag>& CompletionFlags() {
  // The usage texts are the first sentence of each flag's line in --help (help.cc).
  static const std::vector<CompletionFlag> flags = [] {
    std::vector<CompletionFlag> f = {
        {"all-namespaces", 'A', false, false, "List and watch the claims of every namespace."},
        {"as", 0, true, false, "Username to impersonate for the operation."},
        {"as-group", 0, true, true,
         "Group to impersonate for the operation, this flag can be repeated."},
        {"certificate-authority", 0, true, false,
         "Path to a cert file for the certificate authority."},
        {"client-certificate", 0, true, false, "Path to a client certificate file for TLS."},
        {"client-key", 0, true, false, "Path to a client key file for TLS."},
        {"cluster", 0, true, false, "The name of the kubeconfig cluster to use."},
        {"context", 0, true, false, "The name of the kubeconfig context to use."},
        {"exec", 0, true, false, "Command run on each crossing of --max-claims."},
        {"field-selector", 0, true, false,
         "Selector (field query) to filter on, supports '=', '==', and '!='."},
        {"from-file", 0, true, false,
         "Read claims from a file ('-' for stdin) instead of the server; implies --once."},
        {"help", 'h', false, false, "help for pvcwatch"},
        {"insecure-skip-tls-verify", 0, false, false,
         "If true, the server's certificate will not be checked for validity."},
        {"kubeconfig", 0, true, false, "Path to the kubeconfig file to use for CLI requests."},
        {"max-claims", 0, true, false,
         "Threshold for the claimed total: a quantity, or 'quota' for the namespace's "
         "ResourceQuota."},
        {"namespace", 'n', true, false, "If present, the namespace scope for this CLI request."},
        {"no-headers", 0, false, false,
         "When using the default or custom-column output format, don't print headers."},
        {"once", 0, false, false, "List, print the summary and exit instead of watching."},
        {"output", 'o', true, false, "Output format. One of: (json, yaml, wide)."},
        {"password", 0, true, false, "Password for basic authentication to the API server."},
        {"request-timeout", 0, true, false,
         "The length of time to wait before giving up on a single server request."},
        {"selector", 'l', true, false,
         "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'."},
        {"server", 's', true, false, "The address and port of the Kubernetes API server."},
        {"show-labels", 0, false, false, "When printing, show all labels as the last column."},
        {"tls-server-name", 0, true, false,
         "Server name to use for server certificate validation."},
        {"token", 0, true, false, "Bearer token for authentication to the API server."},
        {"user", 0, true, false, "The name of the kubeconfig user to use."},
        {"username", 0, true, false, "Username for basic authentication to the API server."},
        {"v", 'v', true, false, "Number for the log level verbosity."},
        {"version", 0, false, false, "Print the version and exit."},
    };
    std::sort(f.begin(), f.end(), [](const CompletionFlag& a, const CompletionFlag& b) {
      return a.name < b.name;
    });
    return f;
  }();
  return flags;
}

Completion Complete(const std::vector<std::string>& args, const KubectlCompleter& kubectl) {
  std::vector<std::string> words = args;
  if (words.empty()) words.push_back("");
  const std::string& word = words.back();
  Typed typed = ReadTyped(words);

  // Like cobra: once --help or --version is there, nothing else matters.
  if (typed.IsTrue("help") || typed.IsTrue("version")) return Completion{{}, kDirectiveNoFileComp};
  if (typed.pending != nullptr) return FlagValue(*typed.pending, typed, word, kubectl);
  if (typed.after_terminator || word.empty() || word[0] != '-') {
    // The plugin takes no arguments, so there is nothing to offer, not even files.
    return Completion{{}, kDirectiveNoFileComp};
  }
  size_t eq = word.find('=');
  if (eq == std::string::npos) return FlagNames(typed, word);
  // --flag=value or -f=value: the shell completes the part after '='.
  const CompletionFlag* flag =
      HasPrefix(word, "--") ? FindLong(word.substr(2, eq - 2)) : FindShort(word[eq - 1]);
  if (flag == nullptr || !flag->takes_value) return Completion{{}, kDirectiveNoFileComp};
  return FlagValue(*flag, typed, word.substr(eq + 1), kubectl);
}

std::string FormatCompletion(const Completion& completion) {
  std::string out;
  for (const std::string& candidate : completion.candidates) out += candidate + "\n";
  out += ":" + std::to_string(completion.directive) + "\n";
  return out;
}

Completion ParseCompletion(const std::string& output) {
  Completion completion;
  size_t start = 0;
  while (start < output.size()) {
    size_t end = output.find('\n', start);
    if (end == std::string::npos) end = output.size();
    if (end > start) completion.candidates.push_back(output.substr(start, end - start));
    start = end + 1;
  }
  if (!completion.candidates.empty()) {
    const std::string& last = completion.candidates.back();
    if (last.size() > 1 && last[0] == ':' &&
        std::all_of(last.begin() + 1, last.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      completion.directive = std::atoi(last.c_str() + 1);
      completion.candidates.pop_back();
    }
  }
  return completion;
}

Completion RunKubectlCompletion(const std::vector<std::string>& args) {
  const Completion failed{{}, kDirectiveError};
  // kubectl sets KUBECTL_PATH for the plugins it runs; completion helpers may not have it.
  const char* kubectl_path = std::getenv("KUBECTL_PATH");
  const char* path = std::getenv("PATH");
  rest::ChildProcessSpec spec;
  spec.command = kubectl_path != nullptr && *kubectl_path != '\0' ? kubectl_path : "kubectl";
  spec.args = args;
  for (char** e = environ; *e != nullptr; ++e) spec.env.emplace_back(*e);
  spec.path = path != nullptr ? path : "";
  // A Tab must come back: a kubectl that hangs (an unreachable server, a stuck exec
  // plugin) is killed, and the shell offers nothing, as for any failed completion.
  spec.timeout = kKubectlCompletionTimeout;
  rest::ChildProcessResult result = rest::RunChildProcess(spec);
  if (result.status != rest::ChildProcessResult::Status::kExited || result.exit_code != 0) {
    return failed;
  }
  return ParseCompletion(result.output);
}

}  // namespace pvcwatch::cli
