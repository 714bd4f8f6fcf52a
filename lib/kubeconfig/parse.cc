#include "kubeconfig/parse.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "go/base64.h"
#include "go/yaml_resolve.h"
#include "json/encode.h"
#include "json/parse_yaml.h"
#include "kubeconfig/errors.h"

namespace pvcwatch::kubeconfig {
namespace {

// client-go decodes a kubeconfig by turning the YAML into JSON (sigs.k8s.io/yaml) and
// unmarshalling that into api/v1 types: keys are matched case-sensitively, unknown keys
// are ignored, and a key repeated in one mapping keeps its last value. yaml-cpp keeps
// the first one and turns null scalars into the text "null", so every mapping is read
// through Fields() and every scalar through String().

using Fields = std::map<std::string, YAML::Node>;

[[noreturn]] void Fail(const std::string& where, const std::string& problem) {
  throw Error(where + ": " + problem);
}

Fields MapFields(const YAML::Node& node, const std::string& where) {
  Fields fields;
  if (!node.IsDefined() || node.IsNull()) return fields;
  if (!node.IsMap()) Fail(where, "expected a mapping");
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) continue;
    fields[entry.first.Scalar()] = entry.second;  // later duplicates win, as in Go
  }
  return fields;
}

YAML::Node Field(const Fields& fields, const std::string& key) {
  auto it = fields.find(key);
  return it == fields.end() ? YAML::Node() : it->second;
}

std::string String(const Fields& fields, const std::string& key, const std::string& where) {
  YAML::Node node = Field(fields, key);
  if (!node.IsDefined() || node.IsNull()) return "";
  if (!node.IsScalar()) Fail(where, key + ": expected a string");
  return node.Scalar();
}

bool Bool(const Fields& fields, const std::string& key, const std::string& where) {
  YAML::Node node = Field(fields, key);
  if (!node.IsDefined() || node.IsNull()) return false;
  // A plain scalar that goyaml v2 resolves to a bool (YAML 1.1's yes/no/on/off too); a
  // quoted "true" is a string, which client-go's JSON decoding refuses for a bool.
  const go::YamlScalar scalar = node.IsScalar() && node.Tag() == "?"
                                    ? go::ResolvePlainScalar(node.Scalar())
                                    : go::YamlScalar{};
  if (scalar.kind != go::YamlScalar::Kind::kBool) Fail(where, key + ": expected a boolean");
  return scalar.boolean;
}

std::vector<std::string> StringList(const YAML::Node& node, const std::string& where) {
  std::vector<std::string> values;
  if (!node.IsDefined() || node.IsNull()) return values;
  if (!node.IsSequence()) Fail(where, "expected a list of strings");
  for (const auto& item : node) {
    if (item.IsNull()) {
      values.emplace_back();
    } else if (item.IsScalar()) {
      values.push_back(item.Scalar());
    } else {
      Fail(where, "expected a list of strings");
    }
  }
  return values;
}

// []byte fields arrive base64-encoded; the error names the field, never the value.
std::string Data(const Fields& fields, const std::string& key, const std::string& where) {
  std::string encoded = String(fields, key, where);
  try {
    return go::DecodeBase64(encoded);
  } catch (const go::Base64Error& e) {
    Fail(where, key + ": " + e.what());
  }
}

rest::ExecConfig ParseExec(const YAML::Node& node, const std::string& where) {
  const std::string exec_where = where + ": exec";
  Fields fields = MapFields(node, exec_where);
  rest::ExecConfig exec;
  exec.command = String(fields, "command", exec_where);
  exec.args = StringList(Field(fields, "args"), exec_where + ": args");
  YAML::Node env = Field(fields, "env");
  if (env.IsDefined() && !env.IsNull()) {
    if (!env.IsSequence()) Fail(exec_where, "env: expected a list");
    for (const auto& item : env) {
      Fields var = MapFields(item, exec_where + ": env");
      exec.env.emplace_back(String(var, "name", exec_where + ": env"),
                            String(var, "value", exec_where + ": env"));
    }
  }
  exec.api_version = String(fields, "apiVersion", exec_where);
  exec.install_hint = String(fields, "installHint", exec_where);
  exec.provide_cluster_info = Bool(fields, "provideClusterInfo", exec_where);
  exec.interactive_mode = String(fields, "interactiveMode", exec_where);
  // client-go api/v1 SetDefaults_ExecConfig: only the older versions default to
  // IfAvailable; v1 must say what it wants (validation reports it otherwise).
  if (exec.interactive_mode.empty() &&
      (exec.api_version == "client.authentication.k8s.io/v1beta1" ||
       exec.api_version == "client.authentication.k8s.io/v1alpha1")) {
    exec.interactive_mode = "IfAvailable";
  }
  return exec;
}

// The cluster extension client-go hands to exec plugins, as the JSON it holds after
// sigs.k8s.io/yaml: compact, keys sorted. A null extension is none; a name given twice
// fails the conversion to a map, as in client-go.
std::string ExecExtension(const YAML::Node& node, const std::string& where) {
  if (!node.IsDefined() || node.IsNull()) return "";
  if (!node.IsSequence()) Fail(where, "expected a list");
  std::set<std::string> names;
  std::string found;
  for (const auto& item : node) {
    Fields named = MapFields(item, where);
    std::string name = String(named, "name", where);
    if (!names.insert(name).second) {
      throw Error(
          "error converting *[]NamedExtension into *map[string]runtime.Object: "
          "duplicate name \"" +
          name + "\" in list");
    }
    if (name != "client.authentication.k8s.io/exec") continue;
    YAML::Node extension = Field(named, "extension");
    if (!extension.IsDefined() || extension.IsNull()) continue;
    try {
      found = json::CompactJson(json::FromYaml(extension));
    } catch (const std::exception& e) {  // a key that is not a string, a number Go refuses
      Fail(where, std::string("extension: ") + e.what());
    }
  }
  return found;
}

Cluster ParseCluster(const YAML::Node& node, const std::string& where) {
  Fields fields = MapFields(node, where);
  Cluster cluster;
  cluster.server = String(fields, "server", where);
  cluster.tls_server_name = String(fields, "tls-server-name", where);
  cluster.insecure_skip_tls_verify = Bool(fields, "insecure-skip-tls-verify", where);
  cluster.certificate_authority = String(fields, "certificate-authority", where);
  cluster.certificate_authority_data = Data(fields, "certificate-authority-data", where);
  cluster.proxy_url = String(fields, "proxy-url", where);
  cluster.disable_compression = Bool(fields, "disable-compression", where);
  cluster.exec_extension = ExecExtension(Field(fields, "extensions"), where + ": extensions");
  return cluster;
}

AuthInfo ParseAuthInfo(const YAML::Node& node, const std::string& where) {
  Fields fields = MapFields(node, where);
  AuthInfo user;
  user.client_certificate = String(fields, "client-certificate", where);
  user.client_certificate_data = Data(fields, "client-certificate-data", where);
  user.client_key = String(fields, "client-key", where);
  user.client_key_data = Data(fields, "client-key-data", where);
  user.token = String(fields, "token", where);
  user.token_file = String(fields, "tokenFile", where);
  user.impersonate = String(fields, "as", where);
  user.impersonate_uid = String(fields, "as-uid", where);
  user.impersonate_groups = StringList(Field(fields, "as-groups"), where + ": as-groups");
  for (const auto& [key, values] : MapFields(Field(fields, "as-user-extra"), where)) {
    user.impersonate_user_extra[key] = StringList(values, where + ": as-user-extra");
  }
  user.username = String(fields, "username", where);
  user.password = String(fields, "password", where);
  YAML::Node provider = Field(fields, "auth-provider");
  if (provider.IsDefined() && !provider.IsNull()) {
    const std::string provider_where = where + ": auth-provider";
    Fields provider_fields = MapFields(provider, provider_where);
    AuthProvider auth_provider;
    auth_provider.name = String(provider_fields, "name", provider_where);
    Fields config = MapFields(Field(provider_fields, "config"), provider_where + ": config");
    for (const auto& [key, value] : config) {
      auth_provider.config[key] = String(config, key, provider_where + ": config");
    }
    user.auth_provider = std::move(auth_provider);
  }
  YAML::Node exec = Field(fields, "exec");
  if (exec.IsDefined() && !exec.IsNull()) user.exec = ParseExec(exec, where);
  return user;
}

Context ParseContext(const YAML::Node& node, const std::string& where) {
  Fields fields = MapFields(node, where);
  Context context;
  context.cluster = String(fields, "cluster", where);
  context.user = String(fields, "user", where);
  context.namespace_name = String(fields, "namespace", where);
  return context;
}

// Reads one of the named lists (clusters, users, contexts) into a map. A name used
// twice is client-go's conversion error (api/v1 conversion.go); its trailing dump of
// the whole list is left out because it would print credentials.
template <typename T>
void ParseNamedList(const Fields& top, const std::string& key, const std::string& item_key,
                    const std::string& kind, const std::string& go_types,
                    const std::function<T(const YAML::Node&, const std::string&)>& parse,
                    const std::string& origin, std::map<std::string, T>& out) {
  YAML::Node list = Field(top, key);
  if (!list.IsDefined() || list.IsNull()) return;
  if (!list.IsSequence()) Fail(key, "expected a list");
  std::size_t index = 0;
  for (const auto& item : list) {
    const std::string item_where = key + "[" + std::to_string(index++) + "]";
    Fields fields = MapFields(item, item_where);
    std::string name = String(fields, "name", item_where);
    T value = parse(Field(fields, item_key), kind + " \"" + name + "\"");
    value.location_of_origin = origin;
    if (out.count(name) != 0) {
      throw Error("error converting " + go_types + ": duplicate name \"" + name + "\" in list");
    }
    out.emplace(name, std::move(value));
  }
}

}  // namespace

Config Parse(std::string_view text, const std::string& location_of_origin) {
  Config config;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's depth guard says only "bad file"; go-yaml's words, with yaml-cpp's limit.
    throw Error("yaml: exceeded max depth of " + std::to_string(e.depth()));
  } catch (const YAML::Exception& e) {
    // Go's YAML errors read "yaml: line N: ..."; yaml-cpp counts lines from zero.
    throw Error("yaml: line " + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  if (!root.IsDefined() || root.IsNull()) return config;
  if (!root.IsMap()) throw Error("the document is not a kubeconfig (expected a YAML mapping)");
  try {
    Fields top = MapFields(root, "kubeconfig");
    config.current_context = String(top, "current-context", "kubeconfig");
    ParseNamedList<Cluster>(top, "clusters", "cluster", "cluster",
                            "*[]NamedCluster into *map[string]*api.Cluster", ParseCluster,
                            location_of_origin, config.clusters);
    ParseNamedList<AuthInfo>(top, "users", "user", "user",
                             "*[]NamedAuthInfo into *map[string]*api.AuthInfo", ParseAuthInfo,
                             location_of_origin, config.auth_infos);
    ParseNamedList<Context>(top, "contexts", "context", "context",
                            "*[]NamedContext into *map[string]*api.Context", ParseContext,
                            location_of_origin, config.contexts);
  } catch (const YAML::Exception& e) {
    throw Error("yaml: line " + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  return config;
}

}  // namespace pvcwatch::kubeconfig
