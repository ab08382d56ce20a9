#include "server/authorization_request.hpp"

#include "crypto/pkce.hpp"
#include "server/authorization_details.hpp"
#include "server/context.hpp"
#include "server/syntax.hpp"

#include <algorithm>
#include <sstream>

namespace parity::server {
namespace {

using Check = std::optional<OAuthError>;

/// RFC 6749 §4.1.1 / RFC 9126 §2.1: client_id is required and names the authenticated client.
Check check_client_id(const http::Params& params,
                      const RegisteredClient* client,
                      bool client_id_optional,
                      AuthorizationRequest& request) {
  const auto client_id = http::find_param(params, "client_id");
  if (!client_id && !client_id_optional) {
    return invalid_request("client_id is required");
  }
  request.client_id = client_id.value_or(client != nullptr ? client->client_id : "");
  if (client != nullptr && request.client_id != client->client_id) {
    return invalid_request("client_id does not match the authenticated client");
  }
  return std::nullopt;
}

/// RFC 6749 §3.1.2 / §3.1.2.3: absolute, no fragment, exactly one of the registered URIs;
/// may be omitted only when exactly one is registered.
Check check_redirect_uri(const ServerContext& ctx,
                         const http::Params& params,
                         const RegisteredClient* client,
                         AuthorizationRequest& request) {
  auto uri = http::find_param(params, "redirect_uri");
  if (uri && ctx.has_fault("accept_fragment_redirect_uri")) {
    uri = uri->substr(0, uri->find('#'));  // the bug: the fragment is dropped, not rejected
  }
  if (!uri) {
    if (client == nullptr || client->redirect_uris.size() != 1) {
      return invalid_request("redirect_uri is required");
    }
    request.redirect_uri = client->redirect_uris.front();
    return std::nullopt;
  }
  if (!is_absolute_uri_without_fragment(*uri)) {
    return invalid_request("redirect_uri must be an absolute URI without a fragment");
  }
  if (client != nullptr && !ctx.has_fault("accept_unregistered_redirect_uri") &&
      std::find(client->redirect_uris.begin(), client->redirect_uris.end(), *uri) ==
          client->redirect_uris.end()) {
    return invalid_request("redirect_uri is not registered for this client");
  }
  request.redirect_uri = *uri;
  request.redirect_uri_explicit = true;
  return std::nullopt;
}

/// RFC 6749 §3.1.1: response_type is required; only "code" is supported (an emulation may
/// accept more at the push; server/emulation.hpp).
Check check_response_type(const ServerContext& ctx,
                          const http::Params& params,
                          AuthorizationRequest& request) {
  const auto response_type = http::find_param(params, "response_type");
  if (ctx.has_fault("accept_unsupported_response_type") ||
      (!response_type && ctx.has_fault("accept_missing_response_type"))) {
    return std::nullopt;  // the bug: whatever was (or was not) asked for becomes a code request
  }
  if (!response_type) {
    return invalid_request("response_type is required");
  }
  if (!accepts_response_type(ctx.config.emulation, *response_type)) {
    return OAuthError{400, "unsupported_response_type", "response_type is not supported", {}};
  }
  request.response_type = *response_type;
  return std::nullopt;
}

/// RFC 6749 §3.3: every requested scope value must be allowed for the client.
Check check_scope(const ServerContext& ctx,
                  const http::Params& params,
                  const RegisteredClient* client,
                  AuthorizationRequest& request) {
  const auto scope = http::find_param(params, "scope");
  if (!scope && ctx.has_fault("missing_scope_invalid_request")) {
    return invalid_request("scope is required");  // the bug: neither a default nor invalid_scope
  }
  request.scope = scope.value_or("");
  std::istringstream values(request.scope);
  std::string value;
  while (client != nullptr && !ctx.has_fault("accept_invalid_scope") && values >> value) {
    if (client->scopes.count(value) == 0) {
      return OAuthError{
          400, "invalid_scope", "scope " + value + " is not allowed for this client", {}};
    }
  }
  return std::nullopt;
}

/// RFC 7636 §4.3: the method a code_challenge without code_challenge_method uses.
std::string default_challenge_method(const ServerContext& ctx) {
  if (ctx.has_fault("default_pkce_method_s256")) {
    return "S256";  // the bug: the RFC default is plain
  }
  return ctx.config.emulation.pkce_default_method;  // RFC 7636 §4.3: plain, unless emulated
}

/// RFC 7636 §4.4.1: the challenge method must be one the server supports.
bool is_supported_method(const ServerContext& ctx, const std::string& method) {
  if (method == "plain" && ctx.has_fault("accept_plain_pkce")) {
    return true;  // the bug: plain is accepted although not configured
  }
  if (method == "S256" && ctx.has_fault("pkce_s256_unsupported")) {
    return false;  // the bug: only plain is implemented
  }
  return ctx.config.pkce_methods.count(method) > 0;
}

/// RFC 7636 §4.3 / §4.4.1: code_challenge and code_challenge_method.
Check check_pkce(const ServerContext& ctx,
                 const http::Params& params,
                 const RegisteredClient* client,
                 AuthorizationRequest& request) {
  const auto challenge = http::find_param(params, "code_challenge");
  const auto method = http::find_param(params, "code_challenge_method");
  if (!challenge && ctx.has_fault("accept_missing_pkce")) {
    return std::nullopt;  // the bug: PKCE is not enforced, a lone method is ignored
  }
  if (!challenge) {
    if (method) {
      return invalid_request("code_challenge_method without code_challenge");
    }
    const bool is_public = client == nullptr || client->auth_method == AuthMethod::none;
    if (ctx.config.pkce_required || is_public) {
      return invalid_request("code_challenge is required");
    }
    return std::nullopt;
  }
  const std::string effective = method.value_or(default_challenge_method(ctx));
  if (!is_supported_method(ctx, effective)) {
    return invalid_request("unsupported code_challenge_method " + effective);
  }
  if (!crypto::is_valid_pkce_value(*challenge) &&
      !ctx.has_fault("accept_malformed_code_challenge")) {
    return invalid_request("code_challenge must be 43-128 characters of [A-Za-z0-9-._~]");
  }
  request.code_challenge = *challenge;
  request.code_challenge_method = effective;
  return std::nullopt;
}

/// Provider policy (fixtures/reference/README.md): state values shorter than
/// min_state_length are rejected.
Check check_state(const ServerContext& ctx, const AuthorizationRequest& request) {
  int min_length = ctx.config.min_state_length;
  if (ctx.has_fault("reject_short_state")) {
    min_length = std::max(min_length, 8);  // the bug: a hard-coded policy nobody configured
  }
  if (ctx.has_fault("ignore_min_state_length")) {
    min_length = 0;  // the bug: the configured policy is not enforced
  }
  if (request.state && min_length > 0 && request.state->size() < static_cast<size_t>(min_length)) {
    return invalid_request("state must have at least " + std::to_string(min_length) +
                           " characters");
  }
  return std::nullopt;
}

/// RFC 9396 §2 / §5: authorization_details, when sent, is validated and bound to the request;
/// RFC 9449 §10: dpop_jkt binds the code to a DPoP key.
Check check_extensions(const ServerContext& ctx,
                       const http::Params& params,
                       AuthorizationRequest& request) {
  if (!ctx.has_fault("ignore_dpop_jkt_parameter")) {  // the fault: the code stays unbound
    request.dpop_jkt = http::find_param(params, "dpop_jkt").value_or("");
  }
  const auto details = http::find_param(params, "authorization_details");
  if (!details) {
    return std::nullopt;
  }
  DetailsCheck checked = check_authorization_details(ctx, *details);
  request.authorization_details = std::move(checked.details);
  return checked.error;
}

/// RFC 9101 §4: `request` is never itself an authorization parameter. The endpoints unpack a
/// Request Object before validation (request_object.hpp), so one left here is unexpected.
Check check_no_request_object(const http::Params& params) {
  if (http::find_param(params, "request")) {
    return OAuthError{400, "request_not_supported", "the request parameter is not supported", {}};
  }
  return std::nullopt;
}

}  // namespace

Validation validate_authorization_request(const ServerContext& ctx,
                                          const http::Params& params,
                                          const RegisteredClient* client,
                                          bool client_id_optional) {
  Validation result;
  AuthorizationRequest& request = result.request;
  request.state = http::find_param(params, "state");
  result.error = check_client_id(params, client, client_id_optional, request);
  if (!result.error) {
    result.error = check_redirect_uri(ctx, params, client, request);
  }
  if (result.error) {
    return result;
  }
  result.redirect_uri_valid = true;
  result.error = check_no_request_object(params);
  if (!result.error) {
    result.error = check_response_type(ctx, params, request);
  }
  if (!result.error) {
    result.error = check_scope(ctx, params, client, request);
  }
  if (!result.error) {
    result.error = check_pkce(ctx, params, client, request);
  }
  if (!result.error) {
    result.error = check_state(ctx, request);
  }
  if (!result.error) {
    result.error = check_nonce(ctx.config.emulation, params);
  }
  if (!result.error) {
    result.error = check_extensions(ctx, params, request);
  }
  return result;
}

}  // namespace parity::server
