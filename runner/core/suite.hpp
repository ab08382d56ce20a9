#pragma once

#include "core/errors.hpp"
#include "core/profile.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
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

/// One predicate applied to a selected value (see suites/README.md, "Predicates").
struct Predicate {
  enum class Op {
    equals,
    not_equals,
    one_of,
    matches,  ///< ECMAScript regex, searched anywhere in the string form
    type,     ///< string | integer | number | boolean | object | array | null
    between,  ///< inclusive integer range [a, b]
    at_least,
    at_most,
    exists,    ///< operand true: present; false: absent
    contains,  ///< substring of a string, or element of an array
    starts_with,
    length_between,  ///< inclusive range on string length
  };
  Op op = Op::equals;
  nlohmann::json operand;  ///< strings inside may hold ${templates}
  SourceLocation where;
};

/// A selector ("status", "header:Cache-Control", "json:/request_uri", "location:error", …)
/// and the predicates that must all hold for the selected value.
struct Assertion {
  std::string selector;
  std::vector<Predicate> predicates;
  SourceLocation where;
};

/// One block of expectations. All `assertions` must hold; if `any_of` is not empty,
/// at least one of its blocks must hold too (which one is recorded).
/// `when` (profile selectors such as "capability:pkce_plain" or "policy:min_state_length")
/// makes the block apply only to profiles that satisfy it.
struct ExpectBlock {
  std::string label;            ///< optional name shown in reports ("error page")
  std::vector<Assertion> when;  ///< empty: always applies
  std::vector<Assertion> assertions;
  std::vector<ExpectBlock> any_of;
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

enum class StepKind { push, authorize, token, wait, discover };

/// Returns "push", "authorize", …
std::string_view to_string(StepKind kind);

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
};

/// A value taken from a response and stored as a variable for later steps.
struct Capture {
  std::string name;
  std::string selector;
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
  SourceLocation where;
};

/// A generated or literal case variable.
struct VarSpec {
  std::string name;
  enum class Kind { literal, random, pkce_verifier } kind = Kind::literal;
  Text value;      ///< for literal
  int length = 0;  ///< for random: number of characters
  SourceLocation where;
};

/// Requirement level of a case: a failed "should" case is a warning, not a failure.
enum class Level { must, should };

/// One conformance case.
struct Case {
  std::string id;     ///< stable, unique within its suite
  std::string suite;  ///< owning suite id
  std::string title;
  std::vector<std::string> requirements;              ///< ids from the requirement catalogue
  std::vector<SourceLocation> requirement_locations;  ///< where each of `requirements` is written
  std::vector<std::string> tags;
  std::vector<std::string> required_capabilities;  ///< capabilities the profile must declare
  Level level = Level::must;
  std::string client;  ///< client selector for steps that name none; empty = default client
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
