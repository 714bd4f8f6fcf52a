#include "kubeconfig/errors.h"

#include <cctype>
#include <cstring>
#include <utility>

namespace pvcwatch::kubeconfig {
namespace {

// client-go ErrEmptyConfig (tools/clientcmd/validation.go).
constexpr char kEmptyConfigMessage[] =
    "no configuration has been provided, try setting KUBERNETES_MASTER environment variable";

// client-go errContextNotFound's text (validation.go).
constexpr char kContextNotFound[] = "context was not found for specified context: ";

// apimachinery utilerrors.aggregate.Error(): one message alone, else "[a, b]" with
// duplicate messages dropped.
std::string AggregateText(const std::vector<std::string>& messages) {
  if (messages.size() == 1) return messages.front();
  std::vector<std::string> seen;
  std::string text = "[";
  for (const std::string& message : messages) {
    bool duplicate = false;
    for (const std::string& s : seen) duplicate = duplicate || s == message;
    if (duplicate) continue;
    if (!seen.empty()) text += ", ";
    text += message;
    seen.push_back(message);
  }
  return text + "]";
}

}  // namespace

Error::Error(const std::string& message) : Error(Kind::kPlain, message, {}, false) {}

Error::Error(Kind kind, const std::string& what, std::vector<std::string> causes, bool empty)
    : std::runtime_error(what), kind_(kind), causes_(std::move(causes)), empty_config_(empty) {}

Error Error::Aggregate(std::vector<std::string> messages) {
  std::string what = AggregateText(messages);
  return Error(Kind::kAggregate, what, std::move(messages), false);
}

Error Error::ConfigurationInvalid(std::vector<std::string> causes) {
  std::string what = "invalid configuration: " + AggregateText(causes);
  return Error(Kind::kConfigurationInvalid, what, std::move(causes), false);
}

Error Error::EmptyConfig() {
  std::vector<std::string> causes{kEmptyConfigMessage};
  return Error(Kind::kConfigurationInvalid,
               std::string("invalid configuration: ") + kEmptyConfigMessage, std::move(causes),
               true);
}

// kubectl pkg/cmd/util/helpers.go checkErr: an aggregate of one is unwrapped; an
// invalid configuration goes through MultilineError("Error in configuration: ", err);
// other aggregates through MultipleErrors("", errs); anything else gets "error: ".
std::string Error::KubectlText() const {
  switch (kind_) {
    case Kind::kConfigurationInvalid: {
      // checkErr unwraps an aggregate of one first, and errConfigurationInvalid is one: a
      // lone cause prints as a plain error, unless it is errContextNotFound, which
      // IsConfigurationInvalid recognises by itself (as kubectl v1.37.2 prints them).
      if (causes_.size() == 1) {
        const std::string& cause = causes_.front();
        if (empty_config_ || cause.rfind(kContextNotFound, 0) == 0) {
          return "Error in configuration: " + cause;
        }
        return "error: " + cause;
      }
      std::string text = "Error in configuration: ";
      for (const std::string& cause : causes_) text += "\n* " + cause;
      return text;
    }
    case Kind::kAggregate:
      if (causes_.size() != 1) {
        std::string text;
        for (const std::string& cause : causes_) {
          if (!text.empty()) text += "\n";
          text += cause;
        }
        return text;
      }
      break;
    case Kind::kPlain: break;
  }
  std::string message = what();
  if (message.rfind("error: ", 0) == 0) return message;
  return "error: " + message;
}

}  // namespace pvcwatch::kubeconfig
