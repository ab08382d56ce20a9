#pragma once

#include "core/errors.hpp"

#include <string>
#include <vector>

namespace parity {

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
  SourceLocation where;

  /// Returns true when a black-box test can observe the requirement (even partially).
  bool is_observable() const { return !observable.empty(); }
  /// Returns true for rows of the peer checklist (level CHECK): behaviours other test suites
  /// check, tallied apart from the specifications' requirements.
  bool is_peer_check() const { return level == "CHECK"; }
  /// Returns true when the row counts towards coverage: observable and in scope.
  bool is_testable() const { return is_observable() && out_of_scope.empty(); }
};

}  // namespace parity
