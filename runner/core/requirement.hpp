#pragma once

#include "core/errors.hpp"

#include <string>
#include <vector>

namespace parity {

/// One separately breakable part of a requirement: a code is short-lived, single-use, bound to
/// its client and bound to its redirect URI. A requirement with facets is proven only when
/// every facet has a reference-server fault that the suite catches.
struct Facet {
  std::string id;       ///< "single-use"; faults name it as "<requirement id>#<facet id>"
  std::string summary;  ///< one line
  SourceLocation where;
};

/// A requirement, or one facet of it, as a fault names what it breaks:
/// "RFC6749-4.1.2-a#single-use" (facet) or "RFC9126-2.1-b2" (the whole requirement).
struct RequirementRef {
  std::string requirement;  ///< catalogue id
  std::string facet;        ///< facet id; empty for the whole requirement

  /// "<requirement>#<facet>", or the id alone.
  std::string str() const { return facet.empty() ? requirement : requirement + "#" + facet; }
  bool operator==(const RequirementRef&) const = default;
};

/// Splits "<id>#<facet>" at the first '#' (no '#': the whole requirement).
RequirementRef parse_requirement_ref(const std::string& text);

/// One row of the requirement catalogue (suites/catalogue/*.yaml): requirements.yaml restates the
/// requirements baseline (RFC 9126 and the PAR-relevant rows of neighbouring specs);
/// peer-checklist.yaml lists what other PAR test suites check (level CHECK).
struct Requirement {
  std::string id;       ///< "RFC9126-2.2-a"; cases cite it in `requirements`
  std::string spec;     ///< "RFC 9126", "RFC 6749", "OIDC Core 1.0", "FAPI 2.0", …
  std::string section;  ///< as written in the baseline: "2.2", "2.1 step 1", "7523 §3 item 4"
  /// Normalised level: MUST, MUST NOT, SHALL, SHALL NOT, SHOULD, SHOULD NOT, MAY, REQUIRED,
  /// RECOMMENDED, OPTIONAL, IMPLICIT (no keyword, behaviour plainly expected), INFORMATIVE, or
  /// CHECK (a peer checklist row).
  std::string level;
  std::string level_text;  ///< the level as the baseline writes it ("MAY / MUST", "MUST (step)")
  std::string binds;       ///< who it binds: "AS", "C", "AS+C", …
  std::string summary;     ///< one-line paraphrase
  /// Where a black-box test can see it: PAR, AUTHZ, TOKEN, META; empty when it cannot.
  std::vector<std::string> observable;
  bool partial = false;  ///< observable only statistically or heuristically
  std::string sources;   ///< peer checklist rows: which peer suites check it ("OIDF2, NOP, KC")
  std::string expected;  ///< peer checklist rows: what the peers expect
  std::string note;      ///< why a row is not observable, or other context
  /// Non-empty when the row is deliberately not tested by parity, with the reason (a peer check
  /// of another profile or of implementation internals). Such a row is never a gap.
  std::string out_of_scope;
  /// The parts a server can break separately (empty: the requirement is one piece).
  std::vector<Facet> facets;
  SourceLocation where;

  /// Returns true when a black-box test can observe the requirement (even partially).
  bool is_observable() const { return !observable.empty(); }
  /// Returns true for rows of the peer checklist (level CHECK): behaviours other test suites
  /// check, tallied apart from the specifications' requirements.
  bool is_peer_check() const { return level == "CHECK"; }
  /// Returns true when the row counts towards coverage: observable and in scope.
  bool is_testable() const { return is_observable() && out_of_scope.empty(); }
  /// Returns true when the requirement binds the authorization server: `binds` names "AS"
  /// outside parentheses ("AS", "AS+C", "C, AS", "C / AS"; not "C (AS rejects)").
  bool binds_server() const;
  /// Returns true when it binds the server (binds_server) at an absolute level: MUST, MUST NOT,
  /// SHALL, SHALL NOT, REQUIRED, or IMPLICIT (plainly expected behaviour). A case may fail a
  /// server only on such rules; on any other a warning is the strongest verdict.
  bool is_absolute_server_rule() const;
  /// The facet `id`, or nullptr.
  const Facet* find_facet(const std::string& facet_id) const;
};

}  // namespace parity
