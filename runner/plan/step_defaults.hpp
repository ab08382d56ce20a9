#pragma once

#include "core/errors.hpp"
#include "core/profile.hpp"
#include "core/suite.hpp"

#include <string>

namespace parity::run {

/// The documented default parameters of a step kind (suites/README.md, "Steps"), as templates
/// located at `where`. RFC 9126 §2.1 for push (with RFC 7636 §4.3 PKCE), RFC 9126 §4 for
/// authorize, RFC 6749 §4.1.3 for token; discover and wait have none. `scope` is left out
/// when `client` has no scope.
TextPairs default_params(StepKind kind, const Client& client, const SourceLocation& where);

/// Whose documented defaults a step's authorization parameters start from: an authorize step
/// that sends a request object carries a whole authorization request, so it starts from the
/// push defaults (RFC 9101 §5); every other step from its own kind's.
StepKind parameter_defaults_kind(const Step& step);

/// True when the step sets (`params`) or removes (`omit`) default parameter `name`; its
/// default template is then neither rendered nor checked (it may name a variable the case
/// does not define, e.g. ${request_uri}).
bool replaces_default(const RequestSpec& spec, const std::string& name);

/// The variable holding the default URL of a request step ("endpoints.par", …, "metadata_url").
std::string endpoint_variable(StepKind kind);

/// True for steps that send an HTTP request (all kinds but wait).
bool is_request_step(StepKind kind);

/// True for steps that authenticate the client (push and token, RFC 9126 §2.1, RFC 6749 §3.2.1).
bool authenticates(StepKind kind);

/// True for steps whose parameters travel in a form-encoded POST body (push and token).
bool sends_form_body(StepKind kind);

}  // namespace parity::run
