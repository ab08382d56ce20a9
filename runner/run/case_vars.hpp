#pragma once

#include "core/profile.hpp"
#include "core/suite.hpp"
#include "eval/vars.hpp"
#include "http/redactor.hpp"

namespace parity::run {

/// The variables a case starts with (suites/README.md, "Variables"): the profile's issuer,
/// endpoints, metadata_url and policy.* values, client.* of `case_client`, state and nonce
/// (16 random characters), a fresh RFC 7636 §4.1 verifier and its S256 challenge (§4.2), now,
/// dpop.jkt (RFC 9449 §10 / RFC 7638 thumbprint of the profile's dpop_key, when it has one),
/// then the case's own vars in declaration order (thumbprint vars: RFC 7638 of the key file).
eval::Vars seed_vars(const Case& spec, const Profile& profile, const Client& case_client);

/// Sets client.id, client.redirect_uri (the first one), client.scope and client.name.
void bind_client(eval::Vars& vars, const Client& client);

/// Sets `now` to the current time in seconds since the epoch.
void set_now(eval::Vars& vars);

/// A Redactor that knows every client secret of `profile`, also as Basic credentials.
http::Redactor profile_redactor(const Profile& profile);

}  // namespace parity::run
