#pragma once

#include "core/aggregate_selector.hpp"
#include "core/errors.hpp"
#include "core/predicate.hpp"
#include "core/profile.hpp"
#include "core/profile_selector.hpp"
#include "core/selector.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parity {

/// A template string: "${name}" placeholders are rendered at run time from the case's variables.
struct Text {
  std::string raw;
  SourceLocation where;
};

/// An ordered name → template list (form parameters, query parameters, headers).
using TextPairs = std::vector<std::pair<std::string, Text>>;

/// A selector and the predicates that must all hold for the value it selects. The selector
/// is a response selector (Assertion), a profile selector (Condition, in `when`) or an
/// aggregate selector (AggregateAssertion).
template <typename SelectorType>
struct BasicAssertion {
  SelectorType selector;
  std::vector<Predicate> predicates;
  SourceLocation where;
};

/// "status", "header:Cache-Control", "json:/request_uri", "location:error", … and predicates.
using Assertion = BasicAssertion<Selector>;
/// "capability:pkce_plain" or "policy:min_state_length" and predicates on the profile.
using Condition = BasicAssertion<ProfileSelector>;
/// "count", "distinct:location:code", … and integer predicates over all repetitions.
using AggregateAssertion = BasicAssertion<AggregateSelector>;

/// One block of expectations. All `assertions` must hold; if `any_of` is not empty,
/// at least one of its blocks must hold too (which one is recorded).
/// `when` (profile selectors such as "capability:pkce_plain" or "policy:min_state_length")
/// makes the block apply only to profiles that satisfy it.
struct ExpectBlock {
  std::string label;            ///< optional name shown in reports ("error page")
  std::vector<Condition> when;  ///< empty: always applies
  std::vector<Assertion> assertions;
  std::vector<ExpectBlock> any_of;
  /// Inside any_of only: when this alternative is the one that held, the case ends here,
  /// passed, and its later steps are not run (a conforming answer that makes them moot, e.g.
  /// a push rejected at once where the later steps check a deferred rejection, RFC 9126 §2.1).
  bool ends_case = false;
  SourceLocation where;
};

/// How a JWT client assertion is built, and how a case breaks it on purpose.
/// Unset members take the correct value (RFC 7523 §3, OIDC Core §9).
struct AssertionSpec {
  std::optional<Text>
      client_assertion_type;  ///< default urn:ietf:params:oauth:client-assertion-type:jwt-bearer
  std::optional<std::string> key_path;     ///< sign with this key instead of the client's
  std::optional<std::string> alg;          ///< RS256, PS256, ES256, HS256 or "none"
  std::optional<Text> iss, sub, aud, jti;  ///< claim overrides (templates)
  std::optional<long> exp_offset;          ///< seconds from now; default +60
  std::optional<long> iat_offset;          ///< seconds from now; default 0
  std::vector<std::string> omit_claims;    ///< claims left out entirely
  SourceLocation where;
};

/// A claim a case sets or overrides in a JWT it builds: strings inside `value` are templates;
/// maps and lists are sent as JSON.
struct ClaimOverride {
  std::string name;
  nlohmann::json value;
  SourceLocation where;
};

/// RFC 9101 §4 / RFC 9126 §3: the step's authorization parameters sent as the claims of a
/// request object (`request=<JWT>`), and how a case breaks it (suites/README.md, "Request
/// objects (JAR)"). Unset members take the correct value.
struct RequestObjectSpec {
  std::optional<std::string> alg;        ///< RS256, PS256, ES256, HS256 or "none"
  std::optional<std::string> key_path;   ///< sign with this key instead of the client's
  std::optional<std::string> typ;        ///< header typ; default oauth-authz-req+jwt
  std::vector<ClaimOverride> claims;     ///< set or overridden last
  std::vector<std::string> omit_claims;  ///< claims left out entirely
  std::optional<long> exp_offset;        ///< seconds from now; default +60
  std::optional<long> nbf_offset;        ///< seconds from now; default 0
  std::optional<long> iat_offset;        ///< seconds from now; default 0
  TextPairs outer;                       ///< form parameters sent outside the object as well
  bool tamper_signature = false;         ///< flip bits of the signature
  bool only_request = false;             ///< no client_id outside the object
  SourceLocation where;
};

/// RFC 8705 §2: the TLS client certificate a push or token step presents instead of its
/// client's own (suites/README.md, "TLS client certificates").
struct TlsCertificateSpec {
  enum class Kind {
    none,              ///< no certificate at all
    self_signed_copy,  ///< a fresh self-signed certificate with the client's subject
    client,            ///< the certificate of the client `client` selects
  } kind = Kind::none;
  std::string client;  ///< for Kind::client: a client selector
  SourceLocation where;
};

/// RFC 9449 §4.2: a DPoP proof JWT sent in the `DPoP` header, and how a case breaks it
/// (suites/README.md, "DPoP proofs"). Unset members take the correct value.
struct DpopSpec {
  std::optional<std::string> alg;        ///< RS256, PS256, ES256 or "none"; default from the key
  std::optional<std::string> key_path;   ///< prove with this key instead of the profile's dpop_key
  std::optional<std::string> typ;        ///< header typ; default dpop+jwt
  std::optional<Text> htm, htu;          ///< claim overrides; default the request's method / URL
  std::optional<Text> jti;               ///< default: random
  std::optional<Text> nonce;             ///< RFC 9449 §8: server-provided nonce
  std::optional<Text> ath;               ///< access token; the proof carries its SHA-256 (§4.2)
  std::optional<long> iat_offset;        ///< seconds from now; default 0
  std::vector<ClaimOverride> claims;     ///< set or overridden last
  std::vector<std::string> omit_claims;  ///< claims left out entirely
  std::optional<Text> raw;               ///< send this literal header value instead of a proof
  bool tamper_signature = false;         ///< flip bits of the signature
  SourceLocation where;
};

enum class StepKind { push, authorize, token, wait, discover };

/// Returns "push", "authorize", …
std::string_view to_string(StepKind kind);
/// The step kind a suite names `name` ("push", …); nullopt when none is.
std::optional<StepKind> parse_step_kind(std::string_view name);
/// Every step kind's name, in the order suites/README.md lists them.
std::vector<std::string> step_kind_names();

/// What a request step sends. Each step kind has documented default parameters; a case
/// overrides, adds (`params`), removes (`omit`) or repeats (`duplicate`) any of them.
struct RequestSpec {
  std::string client;              ///< client selector; empty: the case's client
  std::optional<AuthMethod> auth;  ///< client authentication override for this step
  std::optional<Text> secret;      ///< use this secret instead of the client's (wrong-secret cases)
  AssertionSpec assertion;
  std::optional<std::string> method;        ///< HTTP method override
  std::optional<std::string> content_type;  ///< Content-Type override
  std::optional<Text> url;                  ///< endpoint override
  TextPairs params;                         ///< set or add (form body, or query for authorize)
  std::vector<std::string> omit;
  std::vector<std::string> duplicate;
  TextPairs query;           ///< extra query-string parameters on a POST
  TextPairs headers;         ///< extra headers
  std::optional<Text> body;  ///< raw body, replaces the form encoding
  /// authorize only: complete the authorization with the profile's login script (follow the
  /// provider's pages to the redirect to the client, which is then judged). Unset: true when
  /// the case requires the `login` capability (suites/README.md, "Completing an authorization").
  std::optional<bool> login;
  std::optional<RequestObjectSpec> request_object;    ///< send the parameters as a JAR (RFC 9101)
  std::optional<DpopSpec> dpop;                       ///< add a DPoP proof header (RFC 9449)
  std::optional<TlsCertificateSpec> tls_client_cert;  ///< push/token: another certificate
};

/// A value taken from a response and stored as a variable for later steps.
struct Capture {
  std::string name;
  Selector selector;
  SourceLocation where;
};

/// One ordered step of a case.
struct Step {
  std::string name;  ///< defaults to the kind
  StepKind kind = StepKind::push;
  RequestSpec request;
  Text wait;                        ///< for kind wait: "5s", "1500ms" or "${expires_in} + 2s"
  std::vector<ExpectBlock> expect;  ///< alternatives: the first whose `when` holds is used
  std::vector<Capture> captures;
  int repeat = 1;             ///< the request is sent this many times (1..1000)
  bool concurrently = false;  ///< all repetitions start at once, each on its own thread
  /// Over all repetitions: "count", "present:<selector>", "distinct:<selector>",
  /// "entropy_bits:<selector>" with integer predicates (suites/README.md, "Repeated and
  /// concurrent steps").
  std::vector<AggregateAssertion> aggregate;
  SourceLocation where;
};

/// A generated or literal case variable.
struct VarSpec {
  std::string name;
  enum class Kind { literal, random, pkce_verifier, thumbprint } kind = Kind::literal;
  Text value;      ///< for literal; for thumbprint: the absolute path of the key file
  int length = 0;  ///< for random: number of characters
  SourceLocation where;
};

/// Requirement level of a case: a failed "should" case is a warning, not a failure.
enum class Level { must, should };

/// The capability that makes FAPI 2.0 and peer-suite expectations binding: a `level: fapi2` case
/// fails only on profiles that declare it and warns elsewhere (profiles/README.md).
inline constexpr std::string_view k_fapi2_capability = "fapi2";

/// One conformance case.
struct Case {
  std::string id;     ///< stable, unique within its suite
  std::string suite;  ///< owning suite id
  std::string title;
  std::vector<std::string> requirements;              ///< ids from the requirement catalogue
  std::vector<SourceLocation> requirement_locations;  ///< where each of `requirements` is written
  std::vector<std::string> tags;
  std::vector<std::string> required_capabilities;  ///< capabilities the profile must declare
  /// The level on every profile; with `must_under_fapi2`, the level on profiles that do not
  /// declare k_fapi2_capability (plan/case_level.hpp gives the level a run uses).
  Level level = Level::must;
  /// `level: fapi2`: a FAPI 2.0 or peer-suite expectation, must-level only on profiles that
  /// declare k_fapi2_capability (`level` is then should).
  bool must_under_fapi2 = false;
  SourceLocation level_where;  ///< where `level` is written; unset for the default level
  std::string client;          ///< client selector for steps that name none; empty = default client
  std::vector<VarSpec> vars;
  std::vector<Step> steps;
  SourceLocation where;

  /// Returns "suite/id", the case's stable full name.
  std::string full_id() const { return suite + "/" + id; }
};

/// A suite file: an id, a title and its cases.
struct Suite {
  std::string id;
  std::string title;
  std::string file;
  std::vector<Case> cases;
};

}  // namespace parity
