#include "target/target.hpp"

#include "core/errors.hpp"
#include "http/curl_client.hpp"
#include "run/discovery.hpp"
#include "server/config.hpp"
#include "server/faults.hpp"

#include <algorithm>

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

namespace {

bool needs_browser(const run::Plan& plan) {
  if (!plan.profile.login.browser.declared) {
    return false;
  }
  return std::any_of(plan.cases.begin(), plan.cases.end(), [](const run::PlannedCase& planned) {
    return planned.skip_reason.empty() &&
           std::any_of(planned.spec->steps.begin(),
                       planned.spec->steps.end(),
                       [](const Step& step) { return step.request.login.value_or(false); });
  });
}

login::BrowserSettings browser_settings(const Profile& profile, const std::string& artifacts_dir) {
  login::BrowserSettings settings;
  settings.script = profile.login.browser;
  settings.authorization_endpoint = profile.endpoints.authorization;
  settings.tls = client_options_for(profile);
  for (const Client& client : profile.clients) {
    settings.redirect_uris.insert(
        settings.redirect_uris.end(), client.redirect_uris.begin(), client.redirect_uris.end());
  }
  if (!artifacts_dir.empty()) {
    settings.artifacts_prefix = profile.id + ".login/";
    settings.artifacts_dir = artifacts_dir + "/" + settings.artifacts_prefix;
    settings.artifacts_dir.pop_back();
  }
  return settings;
}

}  // namespace

RunResult run_suites(const Target& prepared,
                     const std::vector<Suite>& suites,
                     const run::Selection& selection,
                     const run::RunOptions& options,
                     report::RunListener& listener) {
  return run_planned(
      prepared, run::make_plan(prepared.profile, suites, selection), options, listener);
}

RunResult run_planned(const Target& prepared,
                      const run::Plan& plan,
                      const run::RunOptions& options,
                      report::RunListener& listener) {
  const http::ClientOptions client_options = client_options_for(prepared.profile);
  // Browsers start here, on the calling thread, and end when the run returns or unwinds.
  std::unique_ptr<login::BrowserService> browser;
  run::RunOptions run_options = options;
  if (needs_browser(plan)) {
    browser = std::make_unique<login::BrowserService>(
        browser_settings(prepared.profile, options.artifacts_dir));
    run_options.browser = browser.get();
  }
  return run::run_plan(plan, run_options, listener, [&client_options] {
    return std::make_unique<http::CurlClient>(client_options);
  });
}

}  // namespace parity::target
