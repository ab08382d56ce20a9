#include "server/client_auth.hpp"

#include "core/strings.hpp"
#include "crypto/base64url.hpp"
#include "crypto/hash.hpp"
#include "server/context.hpp"

#include <algorithm>

namespace parity::server {
namespace {

constexpr std::string_view k_basic_challenge = "Basic realm=\"parity\"";

ClientAuthentication failed(OAuthError error) {
  return ClientAuthentication{nullptr, std::move(error), false};
}

bool is_basic(std::string_view authorization) {
  constexpr std::string_view k_scheme = "basic ";
  return authorization.size() >= k_scheme.size() &&
         equals_ignoring_case(authorization.substr(0, k_scheme.size()), k_scheme);
}

/// RFC 9126 §2 / RFC 6749 §2.3: the method used must be the one the client registered.
std::optional<OAuthError> check_registered_method(const ServerContext& ctx,
                                                  const RegisteredClient& client,
                                                  AuthMethod used) {
  if (client.auth_method == used) {
    return std::nullopt;
  }
  return invalid_client(ctx,
                        "client " + client.client_id + " is registered for " +
                            std::string(to_string(client.auth_method)) + ", not " +
                            std::string(to_string(used)),
                        used == AuthMethod::client_secret_basic);
}

/// RFC 6749 §2.3.1: the client secret must match.
bool secret_matches(const ServerContext& ctx,
                    const RegisteredClient& client,
                    std::string_view secret) {
  if (ctx.has_fault("accept_wrong_secret")) {
    return true;  // the bug: the secret is never compared
  }
  return crypto::constant_time_equals(secret, client.secret);
}

ClientAuthentication finish_secret_auth(ServerContext& ctx,
                                        const http::Params& params,
                                        const RegisteredClient* client,
                                        std::string_view secret,
                                        AuthMethod used) {
  const bool basic = used == AuthMethod::client_secret_basic;
  if (client == nullptr) {
    return failed(invalid_client(ctx, "unknown client", basic));
  }
  if (auto error = check_registered_method(ctx, *client, used)) {
    return failed(*error);
  }
  if (!secret_matches(ctx, *client, secret)) {
    return failed(invalid_client(ctx, "client authentication failed", basic));
  }
  if (auto mismatch = client_id_mismatch(params, *client)) {
    return failed(invalid_client(ctx, *mismatch, basic));
  }
  return ClientAuthentication{client, std::nullopt, false};
}

/// RFC 6749 §2.3.1: client_secret_basic, id and secret form-urlencoded inside HTTP Basic.
ClientAuthentication authenticate_basic(ServerContext& ctx,
                                        std::string_view authorization,
                                        const http::Params& params) {
  std::string_view token = authorization.substr(6);
  token.remove_prefix(std::min(token.find_first_not_of(' '), token.size()));
  // RFC 7617 §2: token68 is base64 with the standard alphabet (RFC 4648 §4).
  const auto decoded = crypto::base64_decode(token);
  const auto colon = decoded ? decoded->find(':') : std::string::npos;
  if (colon == std::string::npos) {
    return failed(invalid_client(ctx, "malformed HTTP Basic credentials", true));
  }
  const std::string id = http::percent_decode(decoded->substr(0, colon), true);
  const std::string secret = http::percent_decode(decoded->substr(colon + 1), true);
  return finish_secret_auth(
      ctx, params, ctx.find_client(id), secret, AuthMethod::client_secret_basic);
}

/// RFC 6749 §2.3.1: client_secret_post, client_id and client_secret in the body.
ClientAuthentication authenticate_post(ServerContext& ctx, const http::Params& params) {
  const auto id = http::find_param(params, "client_id");
  if (!id) {
    return failed(invalid_client(ctx, "client_secret without client_id", false));
  }
  const auto secret = http::find_param(params, "client_secret");
  return finish_secret_auth(
      ctx, params, ctx.find_client(*id), secret.value_or(""), AuthMethod::client_secret_post);
}

/// RFC 8705 §2.1: a CA-issued certificate with the registered subject DN (§2.1.2).
std::optional<std::string> pki_problem(const ServerContext& ctx,
                                       const RegisteredClient& client,
                                       const ClientCertificate& certificate) {
  if (!certificate.chain_verified && !ctx.has_fault("mtls_chain_not_verified")) {
    return "the client certificate does not chain to a trusted CA";
  }
  if (certificate.subject_dn != client.tls_client_auth_subject_dn &&
      !ctx.has_fault("mtls_subject_not_checked")) {
    return "the client certificate subject does not match tls_client_auth_subject_dn";
  }
  return std::nullopt;
}

/// RFC 8705 §2: the certificate of the connection must be the one bound to `client`.
std::optional<std::string> certificate_problem(
    const ServerContext& ctx,
    const RegisteredClient& client,
    const std::optional<ClientCertificate>& certificate) {
  if (!certificate) {
    if (ctx.has_fault("mtls_certificate_not_required")) {
      return std::nullopt;  // the bug: the client_id alone is taken as authentication
    }
    return "no TLS client certificate was presented";
  }
  if (client.auth_method == AuthMethod::tls_client_auth) {
    return pki_problem(ctx, client, *certificate);
  }
  // RFC 8705 §2.2: the chain is not validated; the certificate must be the registered one.
  if (certificate->sha256_thumbprint != client.certificate_thumbprint &&
      !ctx.has_fault("mtls_self_signed_certificate_not_checked")) {
    return "the client certificate is not the one registered for the client";
  }
  return std::nullopt;
}

/// RFC 6749 §2.1: a public client only identifies itself with client_id. RFC 8705 §2: so does
/// an mTLS client, whose credential is the certificate of the connection.
ClientAuthentication authenticate_by_client_id(ServerContext& ctx,
                                               const ClientCredentials& credentials) {
  const auto id = http::find_param(credentials.params, "client_id");
  if (!id) {
    return ClientAuthentication{
        nullptr, invalid_client(ctx, "no client authentication", false), true};
  }
  const RegisteredClient* client = ctx.find_client(*id);
  if (client == nullptr) {
    return failed(invalid_client(ctx, "unknown client", false));
  }
  if (ctx.has_fault("accept_unauthenticated_confidential_client")) {
    return ClientAuthentication{client, std::nullopt, false};  // the bug: any client is public
  }
  if (!uses_tls_certificate(client->auth_method)) {
    if (auto error = check_registered_method(ctx, *client, AuthMethod::none)) {
      return failed(*error);
    }
    return ClientAuthentication{client, std::nullopt, false};
  }
  if (auto problem = certificate_problem(ctx, *client, credentials.certificate)) {
    return failed(invalid_client(ctx, *problem, false));
  }
  return ClientAuthentication{client, std::nullopt, false};
}

}  // namespace

OAuthError invalid_client(const ServerContext& ctx, std::string description, bool basic_used) {
  if (!basic_used) {
    return OAuthError{400, "invalid_client", std::move(description), {}};
  }
  OAuthError error{401, "invalid_client", std::move(description), std::string(k_basic_challenge)};
  if (ctx.has_fault("no_www_authenticate")) {
    error.www_authenticate.clear();  // the bug: 401 without the challenge
  }
  return error;
}

std::optional<std::string> client_id_mismatch(const http::Params& params,
                                              const RegisteredClient& client) {
  const auto id = http::find_param(params, "client_id");
  if (id && *id != client.client_id) {
    return "client_id does not match the authenticated client";
  }
  return std::nullopt;
}

ClientAuthentication authenticate_client(ServerContext& ctx, const ClientCredentials& credentials) {
  const std::string_view authorization = credentials.authorization;
  const http::Params& params = credentials.params;
  // The ignore_basic_credentials fault: the Authorization header is never read.
  const bool basic = is_basic(authorization) && !ctx.has_fault("ignore_basic_credentials");
  const bool post = http::find_param(params, "client_secret").has_value();
  const bool assertion = http::find_param(params, "client_assertion").has_value() ||
                         http::find_param(params, "client_assertion_type").has_value();
  if (static_cast<int>(basic) + static_cast<int>(post) + static_cast<int>(assertion) > 1 &&
      !ctx.has_fault("accept_two_auth_methods")) {
    return failed(invalid_request("more than one client authentication method was used"));
  }
  if (basic) {
    return authenticate_basic(ctx, authorization, params);
  }
  if (assertion && ctx.has_fault("accept_two_auth_methods")) {
    return authenticate_with_assertion(ctx, params);  // the bug: the extra secret is ignored
  }
  if (post) {
    return authenticate_post(ctx, params);
  }
  if (assertion) {
    return authenticate_with_assertion(ctx, params);
  }
  return authenticate_by_client_id(ctx, credentials);
}

}  // namespace parity::server
