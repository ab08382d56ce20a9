#include "target/target.hpp"

#include "core/errors.hpp"
#include "http/curl_client.hpp"
#include "run/discovery.hpp"
#include "server/config.hpp"
#include "server/faults.hpp"

namespace parity::target {
namespace {

std::unique_ptr<server::ReferenceServer> start_embedded(Profile& profile,
                                                        const std::vector<std::string>& faults) {
  server::ServerConfig config = server::load_server_config(profile.embedded_server_config);
  config.faults.insert(faults.begin(), faults.end());
  auto reference = std::make_unique<server::ReferenceServer>(std::move(config));
  reference->start(0);
  const std::string base = reference->base_url();
  profile.issuer = base;
  profile.metadata_url = base + "/.well-known/oauth-authorization-server";
  profile.endpoints = reference->endpoints();  // a vendor emulation may move them
  return reference;
}

}  // namespace

void check_faults(const std::vector<std::string>& faults) {
  for (const std::string& name : faults) {
    if (!server::is_known_fault(name)) {
      throw UsageError("unknown fault '" + name + "' (see 'parity faults')");
    }
  }
}

http::ClientOptions client_options_for(const Profile& profile) {
  http::ClientOptions options;
  options.timeout_ms = profile.timeout_ms;
  options.max_response_bytes = profile.max_response_bytes;
  options.verify_tls = profile.tls.verify;
  options.ca_file = profile.tls.ca_file;
  options.client_cert = profile.tls.client_cert;
  options.client_key = profile.tls.client_key;
  return options;
}

Target prepare_target(Profile profile, const std::vector<std::string>& faults) {
  check_faults(faults);
  Target target;
  if (!profile.embedded_server_config.empty()) {
    target.server = start_embedded(profile, faults);
  } else if (!faults.empty()) {
    throw UsageError("--fault applies only to profiles with an embedded_server; profile '" +
                     profile.id + "' points at " + profile.issuer);
  }
  if (!profile.metadata_url.empty()) {
    http::CurlClient client(client_options_for(profile));
    target.error = run::discover_endpoints(profile, client);
  }
  target.profile = std::move(profile);
  return target;
}

RunResult run_suites(const Target& prepared,
                     const std::vector<Suite>& suites,
                     const run::Selection& selection,
                     const run::RunOptions& options,
                     report::RunListener& listener) {
  const run::Plan plan = run::make_plan(prepared.profile, suites, selection);
  const http::ClientOptions client_options = client_options_for(prepared.profile);
  return run::run_plan(plan, options, listener, [&client_options] {
    return std::make_unique<http::CurlClient>(client_options);
  });
}

}  // namespace parity::target
