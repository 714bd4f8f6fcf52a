#include "rest/status.h"

#include <algorithm>

#include "go/strconv.h"
#include "json/parser.h"
#include "rest/retry.h"

namespace pvcwatch::rest {
namespace {

struct Generic {
  const char* reason;
  const char* message;
};

// client-go's NewGenericServerResponse: what a code means when the body says nothing.
Generic GenericFor(int code) {
  switch (code) {
    case 400: return {"BadRequest", "the server rejected our request for an unknown reason"};
    case 401: return {"Unauthorized", "the server has asked for the client to provide credentials"};
    case 403: return {"Forbidden", "the server does not allow access to the requested resource"};
    case 404: return {"NotFound", "the server could not find the requested resource"};
    case 405:
      return {"MethodNotAllowed",
              "the server does not allow this method on the requested resource"};
    case 406:
      return {"NotAcceptable",
              "the server was unable to respond with a content type that the client supports"};
    case 409: return {"Conflict", "the server reported a conflict"};
    case 410: return {"Expired", "the server reported the requested resource version is too old"};
    case 415: return {"UnsupportedMediaType", "the server does not support the content type sent"};
    case 422: return {"Invalid", "the server rejected our request due to an error in our request"};
    case 429:
      return {"TooManyRequests",
              "the server has received too many requests and has asked us to try again later"};
    case 503: return {"ServiceUnavailable", "the server is currently unable to handle the request"};
    case 504:
      return {"Timeout",
              "the server was unable to return a response in the time allotted, but may still be "
              "processing the request"};
    default: return {code >= 500 ? "InternalError" : "", nullptr};
  }
}

// client-go quotes at most 2048 bytes of a text body, trimmed of surrounding space.
std::string Shorten(std::string text) {
  constexpr size_t kMax = 2048;
  if (text.size() > kMax) text = text.substr(0, kMax) + "...";
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// An int32 field of a Status (code, retryAfterSeconds); 0 when it is not one.
int Int32Field(const json::Value& value) {
  return static_cast<int>(go::ParseIntOrNull(value.AsString(), 10, 32).value_or(0));
}

// The Retry-After header as a StatusError carries it: 0 when absent or unreadable.
int HeaderSeconds(const Response& response) {
  return std::max(RetryAfterSeconds(response.retry_after).value_or(0), 0);
}

}  // namespace

StatusError StatusErrorFromObject(const json::Value& status) {
  return StatusError(Int32Field(status["code"]), std::string(status["reason"].AsString()),
                     std::string(status["message"].AsString()),
                     Int32Field(status["details"]["retryAfterSeconds"]));
}

StatusError StatusErrorFromResponse(const Response& response, const std::string& verb,
                                    const std::string& resource) {
  try {
    json::Value body = json::Parse(response.body);
    if (body["kind"].AsString() == "Status" && body.Find("message") != nullptr) {
      StatusError status = StatusErrorFromObject(body);
      int retry_after = status.retry_after_seconds();
      if (retry_after == 0) retry_after = HeaderSeconds(response);
      return StatusError(status.code() != 0 ? status.code() : response.status, status.reason(),
                         status.what(), retry_after);
    }
  } catch (const std::exception&) {
    // Not a Status: fall through to the generic error for the code.
  }
  Generic generic = GenericFor(response.status);
  std::string message;
  if (generic.message != nullptr) {
    message = generic.message;
    if (!resource.empty()) message += " (" + verb + " " + resource + ")";
  } else if (response.status >= 500) {
    message = "an error on the server (" + go::Quote(Shorten(response.body)) +
              ") has prevented the request from succeeding";
    if (!resource.empty()) message += " (" + verb + " " + resource + ")";
  } else {
    message = "the server responded with the status code " + std::to_string(response.status) +
              " but did not return more information";
    if (!resource.empty()) message += " (" + verb + " " + resource + ")";
  }
  return StatusError(response.status, generic.reason, message, HeaderSeconds(response));
}

}  // namespace pvcwatch::rest
