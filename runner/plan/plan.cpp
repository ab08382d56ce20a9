#include "plan/plan.hpp"

#include "plan/client_selector.hpp"
#include "plan/step_defaults.hpp"
#include "plan/variable_check.hpp"

#include <algorithm>
#include <map>

namespace parity::run {
namespace {

std::string no_material(const Client& client, const std::string& what, AuthMethod method) {
  return "client '" + client.name + "' has no " + what + " for " + std::string(to_string(method));
}

// RFC 8705 §2: whether the certificate a step's `tls_client_cert` names is in the profile.
std::string missing_certificate(const Client& client,
                                const RequestSpec& spec,
                                const Profile& profile) {
  if (!spec.tls_client_cert || spec.tls_client_cert->kind == TlsCertificateSpec::Kind::none) {
    return "";
  }
  const Client* owner = &client;
  if (spec.tls_client_cert->kind == TlsCertificateSpec::Kind::client) {
    const ClientChoice choice = select_client(profile, spec.tls_client_cert->client, &client);
    if (choice.client == nullptr) {
      return choice.error;
    }
    owner = choice.client;
  }
  return owner->tls_certificate_pem.empty()
             ? "client '" + owner->name + "' has no TLS client certificate"
             : "";
}

// Whether the client (or the assertion override) holds what `method` needs.
std::string missing_material(const Client& client,
                             AuthMethod method,
                             const RequestSpec& spec,
                             const Profile& profile) {
  if (std::string reason = missing_certificate(client, spec, profile); !reason.empty()) {
    return reason;
  }
  const AssertionSpec& assertion = spec.assertion;
  const bool jwt = method == AuthMethod::client_secret_jwt || method == AuthMethod::private_key_jwt;
  // An assertion override that brings its own key (for an asymmetric alg) or needs none.
  if (jwt && (assertion.alg == "none" || (assertion.key_path && assertion.alg != "HS256"))) {
    return "";
  }
  const std::string default_alg = method == AuthMethod::client_secret_jwt ? "HS256" : "";
  const bool needs_secret =
      (uses_secret(method) && !jwt) || (jwt && assertion.alg.value_or(default_alg) == "HS256");
  if (needs_secret) {
    return client.secret.empty() && !spec.secret ? no_material(client, "secret", method) : "";
  }
  if (jwt) {
    return client.private_key_path.empty() ? no_material(client, "private key", method) : "";
  }
  if (uses_tls_certificate(method) && client.tls_certificate_pem.empty()) {
    return no_material(client, "TLS client certificate", method);
  }
  return "";
}

std::string step_skip_reason(const Step& step, const Client& case_client, const Profile& profile) {
  const ClientChoice choice = step.request.client.empty()
                                  ? ClientChoice{&case_client, ""}
                                  : select_client(profile, step.request.client, &case_client);
  if (choice.client == nullptr) {
    return choice.error;
  }
  if (!choice.client->unavailable_reason.empty()) {
    return choice.client->unavailable_reason;
  }
  if (!authenticates(step.kind)) {
    return "";
  }
  const AuthMethod method = step.request.auth.value_or(choice.client->auth_method);
  return missing_material(*choice.client, method, step.request, profile);
}

std::string skip_reason(const Case& spec,
                        const Profile& profile,
                        const std::vector<std::string>& missing_policies) {
  for (const std::string& capability : spec.required_capabilities) {
    if (!profile.capabilities.contains(capability)) {
      if (capability == k_https_capability && profile.transport == Transport::plain_http) {
        return plain_http_skip_reason();
      }
      const std::string& why = profile.login.unavailable_reason;
      return "profile lacks capability '" + capability + "'" +
             (capability == "login" && !why.empty() ? " (login script: " + why + ")" : "");
    }
  }
  const ClientChoice case_client = select_client(profile, spec.client, nullptr);
  if (case_client.client == nullptr) {
    return case_client.error;
  }
  for (const Step& step : spec.steps) {
    if (!is_request_step(step.kind)) {
      continue;
    }
    std::string reason = step_skip_reason(step, *case_client.client, profile);
    if (!reason.empty()) {
      return reason;
    }
  }
  if (!missing_policies.empty()) {
    return "profile documents no policy '" + missing_policies.front() + "'";
  }
  return dpop_skip_reason(spec, profile);
}

// Finds `spec` in `from` and returns the case at the same position in `to`.
const Case* repoint(const Case* spec,
                    const std::vector<Suite>& from,
                    const std::vector<Suite>& to) {
  for (std::size_t s = 0; s < from.size(); ++s) {
    const std::vector<Case>& cases = from[s].cases;
    if (!cases.empty() && spec >= cases.data() && spec < cases.data() + cases.size()) {
      return &to[s].cases[static_cast<std::size_t>(spec - cases.data())];
    }
  }
  return spec;
}

}  // namespace

Plan::Plan(const Plan& other) : profile(other.profile), suites(other.suites), cases(other.cases) {
  for (PlannedCase& planned : cases) {
    planned.spec = repoint(planned.spec, other.suites, suites);
  }
}

Plan& Plan::operator=(const Plan& other) {
  if (this != &other) {
    Plan copy(other);
    *this = std::move(copy);
  }
  return *this;
}

bool is_selected(const Case& spec, const Selection& selection) {
  const std::string full_id = spec.full_id();
  const bool by_pattern =
      selection.patterns.empty() ||
      std::any_of(selection.patterns.begin(),
                  selection.patterns.end(),
                  [&](const std::string& pattern) { return glob_match(pattern, full_id); });
  const bool by_tag =
      selection.tags.empty() ||
      std::any_of(selection.tags.begin(), selection.tags.end(), [&](const std::string& tag) {
        return std::find(spec.tags.begin(), spec.tags.end(), tag) != spec.tags.end();
      });
  return by_pattern && by_tag;
}

bool glob_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') {
    ++p;
  }
  return p == pattern.size();
}

Plan make_plan(Profile profile, std::vector<Suite> suites, const Selection& selection) {
  Plan plan;
  plan.profile = std::move(profile);
  plan.suites = std::move(suites);
  for (const Suite& suite : plan.suites) {
    for (const Case& spec : suite.cases) {
      if (!is_selected(spec, selection)) {
        continue;
      }
      const std::vector<std::string> missing = check_case_variables(spec, plan.profile);
      plan.cases.push_back({&spec, skip_reason(spec, plan.profile, missing)});
    }
  }
  return plan;
}

std::vector<report::SkipCause> skip_causes(const Plan& plan) {
  std::map<std::string, std::size_t> counts;
  for (const PlannedCase& planned : plan.cases) {
    if (!planned.skip_reason.empty()) {
      ++counts[planned.skip_reason];
    }
  }
  std::vector<report::SkipCause> causes;
  for (const auto& [reason, cases] : counts) {
    causes.push_back({reason, cases});
  }
  std::stable_sort(
      causes.begin(), causes.end(), [](const auto& a, const auto& b) { return a.cases > b.cases; });
  return causes;
}

}  // namespace parity::run
