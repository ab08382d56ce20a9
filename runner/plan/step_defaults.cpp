#include "plan/step_defaults.hpp"

#include "core/named_pairs.hpp"

#include <algorithm>

namespace parity::run {
namespace {

TextPairs make_pairs(std::initializer_list<std::pair<const char*, const char*>> items,
                     const SourceLocation& where) {
  TextPairs pairs;
  for (const auto& [name, value] : items) {
    pairs.emplace_back(name, Text{value, where});
  }
  return pairs;
}

TextPairs push_defaults(const Client& client, const SourceLocation& where) {
  TextPairs pairs = make_pairs({{"response_type", "code"},
                                {"client_id", "${client.id}"},
                                {"redirect_uri", "${client.redirect_uri}"}},
                               where);
  if (!client.scope.empty()) {
    pairs.emplace_back("scope", Text{"${client.scope}", where});
  }
  TextPairs rest = make_pairs({{"state", "${state}"},
                               {"code_challenge", "${pkce.challenge}"},
                               {"code_challenge_method", "S256"}},
                              where);
  pairs.insert(pairs.end(), rest.begin(), rest.end());
  // profiles/README.md, "Push parameters": the profile's additions (e.g. a nonce for a server
  // that demands one with openid) replace a same-named default or come last.
  for (const auto& [name, raw] : client.push_params) {
    set_or_append(pairs, name, Text{raw, client.where});
  }
  return pairs;
}

}  // namespace

TextPairs default_params(StepKind kind, const Client& client, const SourceLocation& where) {
  switch (kind) {
    case StepKind::push:
      return push_defaults(client, where);
    case StepKind::authorize:
      return make_pairs({{"client_id", "${client.id}"}, {"request_uri", "${request_uri}"}}, where);
    case StepKind::token:
      return make_pairs({{"grant_type", "authorization_code"},
                         {"code", "${code}"},
                         {"redirect_uri", "${client.redirect_uri}"},
                         {"code_verifier", "${pkce.verifier}"}},
                        where);
    case StepKind::discover:
    case StepKind::wait:
      return {};
  }
  return {};
}

StepKind parameter_defaults_kind(const Step& step) {
  return step.kind == StepKind::authorize && step.request.request_object ? StepKind::push
                                                                         : step.kind;
}

std::string endpoint_variable(StepKind kind) {
  switch (kind) {
    case StepKind::push:
      return "endpoints.par";
    case StepKind::authorize:
      return "endpoints.authorization";
    case StepKind::token:
      return "endpoints.token";
    case StepKind::discover:
      return "metadata_url";
    case StepKind::wait:
      return "";
  }
  return "";
}

bool is_request_step(StepKind kind) {
  return kind != StepKind::wait;
}

bool authenticates(StepKind kind) {
  return kind == StepKind::push || kind == StepKind::token;
}

bool sends_form_body(StepKind kind) {
  return authenticates(kind);
}

bool replaces_default(const RequestSpec& spec, const std::string& name) {
  const auto named = [&name](const auto& pair) {
    return pair.first == name;
  };
  return std::any_of(spec.params.begin(), spec.params.end(), named) ||
         std::find(spec.omit.begin(), spec.omit.end(), name) != spec.omit.end();
}

}  // namespace parity::run
