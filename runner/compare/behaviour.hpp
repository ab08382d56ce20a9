#pragma once

#include "core/result.hpp"

#include <string>
#include <vector>

namespace parity::compare {

/// One observed fact of a step, e.g. {"status", "201"} or {"expires_in", "60"}.
struct Fact {
  std::string name;
  std::string value;
  /// True when a different value means different behaviour (status, error code, lifetime,
  /// redirect vs page, alternative). False for what naturally differs between providers and
  /// is only shown: error_description, the redirect target, content_type; and for the facts of
  /// a step repeated concurrently other than its repetition count (which repetition is
  /// observed is chance).
  bool compared = true;
};

/// What one step of a case observably did (from StepResult::observed), in a fixed order.
struct StepBehaviour {
  std::string step;  ///< the step's name
  std::string kind;  ///< "push", "authorize", "token", …
  std::vector<Fact> facts;
};

/// The observed behaviour of every step of `result` that observed something, in step order.
/// Facts come in a fixed order: status, response ("redirect" or "page", RFC 6749 §4.1.2.1:
/// an authorization error is either redirected to the client or shown as a page), error,
/// expires_in (RFC 9126 §2.2), alternative (the any_of alternative that held), repetitions,
/// then the shown-only facts error_description, redirect_to and content_type.
std::vector<StepBehaviour> behaviour_of(const CaseResult& result);

/// A canonical string of the compared facts only: equal keys mean the same behaviour.
/// `expires_in` is part of the key only when `with_lifetime`: across providers the
/// request_uri lifetime (RFC 9126 §2.2) differs on every push, so the comparison reports it
/// once per provider instead; between two runs of one provider (drift) a change counts.
std::string behaviour_key(const std::vector<StepBehaviour>& steps, bool with_lifetime);

/// A short human text of the facts other than the shown-only ones, e.g. "push: 201, expires_in 60;
/// authorize: 302 redirect". Empty when nothing was observed.
std::string behaviour_text(const std::vector<StepBehaviour>& steps);

/// The value of fact `name` in `step`, or an empty string.
std::string fact_value(const StepBehaviour& step, const std::string& name);

}  // namespace parity::compare
