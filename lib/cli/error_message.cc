#include "cli/error_message.h"

#include "kubeconfig/errors.h"
#include "rest/errors.h"

namespace pvcwatch::cli {

std::string ErrorMessage(const std::exception& error) {
  if (const auto* status = dynamic_cast<const rest::StatusError*>(&error)) {
    if (status->reason() == "Unauthorized") {
      return "error: You must be logged in to the server (" + std::string(status->what()) + ")";
    }
    if (!status->reason().empty()) {
      return "Error from server (" + status->reason() + "): " + status->what();
    }
    return std::string("Error from server: ") + status->what();
  }
  if (const auto* connection = dynamic_cast<const rest::ConnectionError*>(&error)) {
    if (connection->refused()) {
      return "The connection to the server " + connection->host() +
             " was refused - did you specify the right host or port?";
    }
    return std::string("Unable to connect to the server: ") + connection->what();
  }
  if (const auto* config = dynamic_cast<const kubeconfig::Error*>(&error)) {
    return config->KubectlText();
  }
  return std::string("error: ") + error.what();
}

}  // namespace pvcwatch::cli
