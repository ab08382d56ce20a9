#pragma once

#include "core/errors.hpp"

#include <string>
#include <vector>

namespace parity {

/// One row of the requirement catalogue (suites/catalogue/requirements.yaml), which restates
/// the requirements baseline: RFC 9126 and the PAR-relevant rows of neighbouring specs.
struct Requirement {
  std::string id;       ///< "RFC9126-2.2-a"; cases cite it in `requirements`
  std::string spec;     ///< "RFC 9126", "RFC 6749", "OIDC Core 1.0", "FAPI 2.0", …
  std::string section;  ///< as written in the baseline: "2.2", "2.1 step 1", "7523 §3 item 4"
  /// Normalised level: MUST, MUST NOT, SHALL, SHALL NOT, SHOULD, SHOULD NOT, MAY, REQUIRED,
  /// RECOMMENDED, OPTIONAL, IMPLICIT (no keyword, behaviour plainly expected) or INFORMATIVE.
  std::string level;
  std::string level_text;  ///< the level as the baseline writes it ("MAY / MUST", "MUST (step)")
  std::string binds;       ///< who it binds: "AS", "C", "AS+C", …
  std::string summary;     ///< one-line paraphrase
  /// Where a black-box test can see it: PAR, AUTHZ, TOKEN, META; empty when it cannot.
  std::vector<std::string> observable;
  bool partial = false;  ///< observable only statistically or heuristically
  SourceLocation where;

  /// Returns true when a black-box test can observe the requirement (even partially).
  bool is_observable() const { return !observable.empty(); }
};

}  // namespace parity
