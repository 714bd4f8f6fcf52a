#include "rest/exec_credential.h"

#include "go/base64.h"
#include "go/time.h"
#include "json/encode.h"
#include "json/parse_yaml.h"
#include "json/parser.h"
#include "json/value.h"

namespace pvcwatch::rest {
namespace {

constexpr std::string_view kGroup = "client.authentication.k8s.io";

[[noreturn]] void Fail(const std::string& message) { throw ExecError(message); }

// apimachinery's first decoding step reads only apiVersion and kind into an anonymous
// struct; a document that is not an object fails there, with this (long) text.
[[noreturn]] void FailVersionKind(const std::string& detail) {
  Fail("decoding stdout: couldn't get version/kind; json parse error: " + detail);
}

std::string VersionKindField(const json::Value& doc, const char* name) {
  const json::Value* field = doc.Find(name);
  if (field == nullptr || field->IsNull()) return "";
  if (!field->IsString()) {
    FailVersionKind("json: cannot unmarshal " + json::UnmarshalTypeName(*field) +
                    " into Go struct field ." + name + " of type string");
  }
  return std::string(field->AsString());
}

// A string member of ExecCredentialStatus, type-checked as encoding/json would.
std::string StatusString(const json::Value& status, const char* name) {
  const json::Value* field = status.Find(name);
  if (field == nullptr || field->IsNull()) return "";
  if (!field->IsString()) {
    Fail("decoding stdout: json: cannot unmarshal " + json::UnmarshalTypeName(*field) +
         " into Go struct field ExecCredentialStatus.status." + name + " of type string");
  }
  return std::string(field->AsString());
}

json::Value Decode(std::string_view output) {
  // apimachinery's recognizer: JSON when the first non-space byte is '{', else YAML.
  size_t first = output.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && output[first] == '{') {
    try {
      return json::Parse(output);
    } catch (const json::ParseError& e) {
      FailVersionKind(e.what());
    }
  }
  std::vector<json::Value> documents;
  try {
    documents = json::ParseYaml(output);
  } catch (const json::ParseError& e) {
    Fail(std::string("decoding stdout: yaml: ") + e.what());
  }
  json::Value doc = documents.empty() ? json::Value() : documents.front();
  if (doc.IsNull()) return json::Value::MakeObject();
  if (!doc.IsObject()) {
    FailVersionKind("json: cannot unmarshal " + json::UnmarshalTypeName(doc) +
                    " into Go value of type struct { APIVersion string "
                    "\"json:\\\"apiVersion,omitempty\\\"\"; Kind string "
                    "\"json:\\\"kind,omitempty\\\"\" }");
  }
  return doc;
}

}  // namespace

std::string ExecInfo(const std::string& api_version, bool interactive,
                     const ExecClusterInfo* cluster) {
  // Member order and omitempty rules of clientauthentication/v1{,beta1} ExecCredential.
  std::string out = "{\"kind\":\"ExecCredential\",\"apiVersion\":";
  json::AppendJsonString(out, api_version);
  out += ",\"spec\":{";
  if (cluster != nullptr) {
    out += "\"cluster\":{\"server\":";
    json::AppendJsonString(out, cluster->server);
    if (!cluster->tls_server_name.empty()) {
      out += ",\"tls-server-name\":";
      json::AppendJsonString(out, cluster->tls_server_name);
    }
    if (cluster->insecure_skip_tls_verify) out += ",\"insecure-skip-tls-verify\":true";
    if (!cluster->certificate_authority_data.empty()) {
      out += ",\"certificate-authority-data\":\"" +
             go::EncodeBase64(cluster->certificate_authority_data) + "\"";
    }
    if (!cluster->proxy_url.empty()) {
      out += ",\"proxy-url\":";
      json::AppendJsonString(out, cluster->proxy_url);
    }
    out += ",\"config\":" + (cluster->config_json.empty() ? "null" : cluster->config_json);
    out += "},";
  }
  out += std::string("\"interactive\":") + (interactive ? "true" : "false") + "}}\n";
  return out;
}

ExecCredential ParseExecCredential(std::string_view output, const std::string& api_version) {
  json::Value doc = Decode(output);
  const std::string version = VersionKindField(doc, "apiVersion");
  const std::string kind = VersionKindField(doc, "kind");
  if (version.empty()) {
    // No apiVersion: the decoder falls back to the internal version, which never matches.
    Fail("exec plugin is configured to use API version " + api_version +
         ", plugin returned version " + std::string(kGroup) + "/__internal");
  }
  const std::string effective_kind = kind.empty() ? "ExecCredential" : kind;
  const bool registered =
      (version == std::string(kGroup) + "/v1" || version == std::string(kGroup) + "/v1beta1") &&
      effective_kind == "ExecCredential";
  if (!registered) {
    Fail("decoding stdout: no kind \"" + effective_kind + "\" is registered for version \"" +
         version + "\" in scheme \"pkg/runtime/scheme.go:111\"");
  }

  // Decoding the typed object comes before the checks on its content.
  const json::Value* status = doc.Find("status");
  ExecCredential credential;
  const bool has_status = status != nullptr && !status->IsNull();
  if (has_status) {
    if (!status->IsObject()) {
      Fail("decoding stdout: json: cannot unmarshal " + json::UnmarshalTypeName(*status) +
           " into Go struct field ExecCredential.status of type " +
           version.substr(version.find('/') + 1) + ".ExecCredentialStatus");
    }
    credential.token = StatusString(*status, "token");
    credential.client_certificate_data = StatusString(*status, "clientCertificateData");
    credential.client_key_data = StatusString(*status, "clientKeyData");
    const json::Value* expiration = status->Find("expirationTimestamp");
    if (expiration != nullptr && !expiration->IsNull()) {
      std::string text = StatusString(*status, "expirationTimestamp");
      try {
        credential.expiration = go::ParseRfc3339(text).TimePoint();
      } catch (const go::TimeParseError& e) {
        Fail(std::string("decoding stdout: ") + e.what());
      }
    }
  }

  if (version != api_version) {
    Fail("exec plugin is configured to use API version " + api_version +
         ", plugin returned version " + version);
  }
  if (!has_status) Fail("exec plugin didn't return a status field");
  if (credential.token.empty() && credential.client_certificate_data.empty() &&
      credential.client_key_data.empty()) {
    Fail("exec plugin didn't return a token or cert/key pair");
  }
  if (credential.client_certificate_data.empty() != credential.client_key_data.empty()) {
    Fail("exec plugin returned only certificate or key, not both");
  }
  return credential;
}

}  // namespace pvcwatch::rest
