#include "cli/completion.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "cli/flags.h"
#include "go/exec.h"
#include "go/os.h"
#include "go/strconv.h"

namespace pvcwatch::cli {
namespace {

// The connection flags typed so far go to kubectl, so that it completes from the same
// kubeconfig, context and server as the command being typed; not -n (it is what kubectl
// completes, or beside the point) nor -v (kubectl would log into its answer).
bool PassedToKubectl(const Flag& flag) {
  return flag.connection && flag.name != "namespace" && flag.name != "v";
}

bool TakesValue(const Flag& flag) { return flag.type != FlagType::kBool; }

bool HasPrefix(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// What the words before the one being completed say, read as pflag reads them.
struct Typed {
  std::vector<std::pair<const Flag*, std::string>> values;
  std::set<std::string> names;
  const Flag* pending = nullptr;  // a flag whose value is the word being completed
  bool after_terminator = false;  // a "--" was typed: no more flags

  void Set(const Flag* flag, const std::string& value) {
    values.emplace_back(flag, value);
    names.insert(flag->name);
  }
  bool IsTrue(const std::string& name) const {
    for (const auto& [flag, value] : values) {
      // As cobra sees it: anything but a false word (a bad one fails the command later).
      if (flag->name == name && go::ParseBool(value) != false) return true;
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
      const Flag* flag = FindFlag(word.substr(2, eq == std::string::npos ? eq : eq - 2));
      if (flag == nullptr) continue;
      if (eq != std::string::npos) {
        typed.Set(flag, word.substr(eq + 1));
      } else if (!TakesValue(*flag)) {
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
      const Flag* flag = FindShorthand(word[j]);
      if (flag == nullptr) break;
      std::string rest = word.substr(j + 1);
      bool with_equals = HasPrefix(rest, "=");
      if (with_equals) rest.erase(0, 1);
      if (!TakesValue(*flag)) {
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
  for (const Flag& flag : Flags()) {
    if (typed.names.count(flag.name) != 0 &&
        !(flag.type == FlagType::kStringArray || flag.type == FlagType::kStringSlice)) {
      continue;
    }
    std::string name = "--" + flag.name;
    if (HasPrefix(name, prefix)) completion.candidates.push_back(name + "\t" + flag.usage);
    name = std::string("-") + flag.shorthand;
    if (flag.shorthand != 0 && HasPrefix(name, prefix)) {
      completion.candidates.push_back(name + "\t" + flag.usage);
    }
  }
  return completion;
}

Completion FlagValue(const Flag& flag, const Typed& typed, const std::string& prefix,
                     const KubectlCompleter& kubectl) {
  switch (flag.completion) {
    case ValueCompletion::kChoices: return Filtered(flag.choices, prefix, kDirectiveNoFileComp);
    case ValueCompletion::kFile: return Completion{{}, kDirectiveDefault};
    case ValueCompletion::kNothing: return Completion{{}, kDirectiveNoFileComp};
    case ValueCompletion::kKubectl: break;
  }
  std::vector<std::string> args = {"__complete", "get", "persistentvolumeclaims"};
  for (const auto& [typed_flag, value] : typed.values) {
    if (PassedToKubectl(*typed_flag)) args.push_back("--" + typed_flag->name + "=" + value);
  }
  args.push_back("--" + flag.name);
  args.push_back(prefix);
  return kubectl(args);
}

}  // namespace

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
  const Flag* flag =
      HasPrefix(word, "--") ? FindFlag(word.substr(2, eq - 2)) : FindShorthand(word[eq - 1]);
  if (flag == nullptr || !TakesValue(*flag)) return Completion{{}, kDirectiveNoFileComp};
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
    const auto directive = last.size() > 1 && last[0] == ':'
                               ? go::ParseIntOrNull(std::string_view(last).substr(1), 10, 32)
                               : std::nullopt;
    if (directive && *directive >= 0) {
      completion.directive = static_cast<int>(*directive);
      completion.candidates.pop_back();
    }
  }
  return completion;
}

Completion RunKubectlCompletion(const std::vector<std::string>& args) {
  const Completion failed{{}, kDirectiveError};
  // kubectl sets KUBECTL_PATH for the plugins it runs; completion helpers may not have it.
  const std::string kubectl_path = go::LookupEnv("KUBECTL_PATH").value_or("");
  go::ChildProcessSpec spec;
  spec.command = kubectl_path.empty() ? "kubectl" : kubectl_path;
  spec.args = args;
  spec.env = go::Environ();
  spec.path = go::LookupEnv("PATH").value_or("");
  // A Tab must come back: a kubectl that hangs (an unreachable server, a stuck exec
  // plugin) is killed, and the shell offers nothing, as for any failed completion.
  spec.timeout = kKubectlCompletionTimeout;
  go::ChildProcessResult result = go::RunChildProcess(spec);
  if (result.status != go::ChildProcessResult::Status::kExited || result.exit_code != 0) {
    return failed;
  }
  return ParseCompletion(result.output);
}

}  // namespace pvcwatch::cli
