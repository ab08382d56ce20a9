#include "request/request_builder.hpp"

#include "core/strings.hpp"
#include "http/url.hpp"
#include "plan/step_defaults.hpp"
#include "request/client_auth.hpp"
#include "request/dpop_header.hpp"
#include "request/request_object.hpp"
#include "request/tls_identity.hpp"

#include <algorithm>
#include <string_view>

namespace parity::run {
namespace {

bool same_name(std::string_view a, std::string_view b, bool ignore_case) {
  if (!ignore_case) {
    return a == b;
  }
  return equals_ignoring_case(a, b);
}

http::Params render_pairs(const TextPairs& pairs, const eval::Vars& vars) {
  http::Params out;
  out.reserve(pairs.size());
  for (const auto& [name, text] : pairs) {
    out.emplace_back(name, vars.render(text));
  }
  return out;
}

// Every override name replaces all existing pairs of that name (at the first one's place);
// a name not present yet is appended. Repeated override names are a list of values.
http::Params apply_overrides(http::Params base, const http::Params& overrides, bool ignore_case) {
  std::vector<std::string> done;
  for (const auto& override_pair : overrides) {
    const std::string& name = override_pair.first;
    const auto matches = [&](const auto& pair) {
      return same_name(pair.first, name, ignore_case);
    };
    if (std::any_of(done.begin(), done.end(), [&](const std::string& n) {
          return same_name(n, name, ignore_case);
        })) {
      continue;
    }
    done.push_back(name);
    http::Params values;
    std::copy_if(overrides.begin(), overrides.end(), std::back_inserter(values), matches);
    auto first = std::find_if(base.begin(), base.end(), matches);
    if (first == base.end()) {
      base.insert(base.end(), values.begin(), values.end());
      continue;
    }
    const auto position = first - base.begin();
    base.erase(std::remove_if(base.begin(), base.end(), matches), base.end());
    base.insert(base.begin() + position, values.begin(), values.end());
  }
  return base;
}

void add_missing(http::Params& params, const http::Params& extra) {
  for (const auto& pair : extra) {
    if (!http::find_param(params, pair.first)) {
      params.push_back(pair);
    }
  }
}

void omit_params(http::Params& params, const RequestSpec& spec) {
  for (const std::string& name : spec.omit) {
    std::erase_if(params, [&](const auto& pair) { return pair.first == name; });
  }
}

void duplicate_params(http::Params& params, const RequestSpec& spec) {
  for (const std::string& name : spec.duplicate) {
    http::Params repeated;
    for (const auto& pair : params) {
      repeated.push_back(pair);
      if (pair.first == name) {
        repeated.push_back(pair);
      }
    }
    params = std::move(repeated);
  }
}

// Parameters and headers before the step's final overrides.
struct Draft {
  http::Params params;
  http::Headers headers;
  std::vector<std::string> secrets;
};

// Renders the step's defaults; replaced ones keep their place with an empty value until the
// overrides (or omit) take it.
http::Params render_defaults(const Step& step, const Client& client, const eval::Vars& vars) {
  http::Params params;
  for (const auto& [name, text] :
       default_params(parameter_defaults_kind(step), client, step.where)) {
    params.emplace_back(name,
                        replaces_default(step.request, name) ? std::string() : vars.render(text));
  }
  return params;
}

// Defaults, then `params` replace or add, then `omit` removes: the authorization parameters.
http::Params authorization_params(const Step& step, const Client& client, const eval::Vars& vars) {
  http::Params params = apply_overrides(
      render_defaults(step, client, vars), render_pairs(step.request.params, vars), false);
  omit_params(params, step.request);
  return params;
}

Draft draft_for(const Step& step, const Client& client, const eval::Vars& vars) {
  Draft draft;
  http::Params auth_params;
  if (authenticates(step.kind)) {
    const AuthMethod method = step.request.auth.value_or(client.auth_method);
    ClientAuthentication auth = authenticate_client(method, step.request, client, vars);
    auth_params = std::move(auth.params);
    draft.headers = std::move(auth.headers);
    draft.secrets = std::move(auth.secrets);
  }
  if (const auto& object = step.request.request_object) {
    // RFC 9126 §3: the authorization parameters travel inside the signed request object.
    const http::Params params = authorization_params(step, client, vars);
    const std::string jwt = make_request_object(*object, params, client, vars);
    draft.params = request_object_form(*object, params, auth_params, jwt, vars);
  } else {
    draft.params = render_defaults(step, client, vars);
    add_missing(draft.params, auth_params);
    draft.params =
        apply_overrides(std::move(draft.params), render_pairs(step.request.params, vars), false);
    omit_params(draft.params, step.request);
  }
  duplicate_params(draft.params, step.request);
  return draft;
}

void set_header(http::Headers& headers, const std::string& name, const std::string& value) {
  headers = apply_overrides(std::move(headers), {{name, value}}, true);
}

}  // namespace

BuiltRequest build_request(const Step& step, const Client& client, const eval::Vars& vars) {
  static const Profile k_no_profile;
  return build_request(step, client, vars, k_no_profile);
}

BuiltRequest build_request(const Step& step,
                           const Client& client,
                           const eval::Vars& vars,
                           const Profile& profile) {
  const RequestSpec& spec = step.request;
  Draft draft = draft_for(step, client, vars);
  BuiltRequest built;
  http::Request& request = built.request;
  request.url = spec.url ? vars.render(*spec.url) : vars.at(endpoint_variable(step.kind));
  if (sends_form_body(step.kind)) {
    request.method = "POST";
    request.headers.emplace_back("Content-Type", k_form_content_type);
    request.body = http::form_encode(draft.params);
  } else {
    request.method = "GET";
    if (!draft.params.empty()) {
      request.url = http::append_query(request.url, draft.params);
    }
  }
  request.headers.insert(request.headers.end(), draft.headers.begin(), draft.headers.end());
  if (spec.method) {
    request.method = *spec.method;
  }
  if (!spec.query.empty()) {
    request.url = http::append_query(request.url, render_pairs(spec.query, vars));
  }
  if (spec.body) {
    request.body = vars.render(*spec.body);
  }
  if (spec.content_type) {
    set_header(request.headers, "Content-Type", *spec.content_type);
  }
  if (spec.dpop) {
    // RFC 9449 §4.2: htm and htu describe the request as finally sent.
    set_header(request.headers,
               "DPoP",
               make_dpop_header(*spec.dpop, request.method, request.url, profile, vars));
  }
  request.headers =
      apply_overrides(std::move(request.headers), render_pairs(spec.headers, vars), true);
  if (authenticates(step.kind)) {
    request.tls_identity =
        step_tls_identity(spec, spec.auth.value_or(client.auth_method), client, profile);
  }
  built.secrets = std::move(draft.secrets);
  return built;
}

}  // namespace parity::run
