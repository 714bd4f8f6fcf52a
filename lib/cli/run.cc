#include "cli/run.h"

#include <cstdlib>
#include <iomanip>
#include <ostream>
#include <sstream>
#include <vector>

#include "kubeconfig/client_config.h"
#include "kubeconfig/errors.h"
#include "kubeconfig/loader.h"
#include "pvc/claim.h"
#include "quantity/quantity.h"
#include "rest/errors.h"
#include "rest/rest_client.h"
#include "watch/claims_lister_watcher.h"
#include "watch/pager.h"

#ifndef PVCWATCH_VERSION
#define PVCWATCH_VERSION "v0.0.0"
#endif

namespace pvcwatch::cli {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

kubeconfig::Overrides OverridesFrom(const Options& o) {
  kubeconfig::Overrides overrides;
  overrides.context = o.context;
  overrides.cluster = o.cluster;
  overrides.user = o.user;
  overrides.namespace_name = o.namespace_name;
  overrides.server = o.server;
  overrides.tls_server_name = o.tls_server_name;
  overrides.certificate_authority = o.certificate_authority;
  overrides.client_certificate = o.client_certificate;
  overrides.client_key = o.client_key;
  overrides.token = o.token;
  overrides.username = o.username;
  overrides.password = o.password;
  overrides.insecure_skip_tls_verify = o.insecure_skip_tls_verify;
  overrides.impersonate = o.as;
  overrides.impersonate_groups = o.as_groups;
  overrides.request_timeout = o.request_timeout;
  return overrides;
}

kubeconfig::ClientConfig ResolveClientConfig(const Options& options) {
  kubeconfig::LoadingRules rules;
  rules.explicit_path = options.kubeconfig;
  rules.kubeconfig_env = Env("KUBECONFIG");
  rules.home_dir = Env("HOME");
  return kubeconfig::Resolve(kubeconfig::Load(rules), OverridesFrom(options));
}

}  // namespace

int Run(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.help) {
    out << HelpText();
    return kExitOk;
  }
  if (options.version) {
    out << "kubectl-pvcwatch " << PVCWATCH_VERSION << "\n";
    return kExitOk;
  }
  Quantity max_claims = Quantity::Parse(options.max_claims);

  kubeconfig::ClientConfig client_config = ResolveClientConfig(options);
  watch::Scope scope;
  scope.namespace_name = options.all_namespaces ? "" : client_config.namespace_name;
  scope.label_selector = options.label_selector;
  scope.field_selector = options.field_selector;

  rest::RestClient client(client_config.rest);
  watch::ClaimsListerWatcher lister(client);
  std::vector<pvc::Claim> claims;
  watch::ListAll(
      lister, scope, watch::kDefaultPageSize,
      [&](watch::ListPage& page) {
        for (const json::Value& item : page.items) claims.push_back(pvc::ClaimFromObject(item));
      },
      [&] { claims.clear(); });

  if (claims.empty()) {
    err << "No resources found"
        << (scope.namespace_name.empty() ? "" : " in " + scope.namespace_name + " namespace")
        << ".\n";
  }
  Quantity total;
  for (const pvc::Claim& claim : claims) {
    out << claim.name << "\t" << claim.phase << "\t"
        << (claim.request ? claim.request->String() : "") << "\n";
    if (claim.request) total.Add(*claim.request);
  }
  std::ostringstream percent;
  percent << std::fixed << std::setprecision(1) << total.Ratio(max_claims) * 100;
  out << "Total claimed: " << total.String() << " of " << max_claims.String() << " ("
      << percent.str() << "%)\n";
  return total.Cmp(max_claims) > 0 ? kExitOverage : kExitOk;
}

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
  return std::string("error: ") + error.what();
}

}  // namespace pvcwatch::cli
