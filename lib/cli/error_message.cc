#include "cli/error_message.h"

#include <cstdio>
#include <ctime>

#include "kubeconfig/errors.h"
#include "print/terminal_escape.h"
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

std::string ErrorText(const std::exception& error) {
  std::string text = print::EscapeLine(ErrorMessage(error));
  if (text.empty() || text.back() != '\n') text += '\n';
  return text;
}

std::string FormatKlogFatal(const std::string& source, const std::string& message,
                            std::chrono::system_clock::time_point now, int pid) {
  if (source.empty()) return "panic: " + message;
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch() %
                                                                            std::chrono::seconds(1))
                          .count();
  std::tm local{};
#if defined(_WIN32)
  localtime_s(&local, &seconds);  // the same, arguments the other way round
#else
  localtime_r(&seconds, &local);
#endif
  char header[64];
  std::snprintf(header, sizeof header, "F%02d%02d %02d:%02d:%02d.%06lld %7d ", local.tm_mon + 1,
                local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec,
                static_cast<long long>(micros), pid);
  return header + source + "] " + message;
}

}  // namespace pvcwatch::cli
