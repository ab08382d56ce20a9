#pragma once

#include "core/profile.hpp"
#include "core/suite.hpp"
#include "report/run_listener.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace parity::run {

/// Which cases to run. Empty lists select everything.
struct Selection {
  /// Globs ('*' any run of characters, '?' one character) on the case full id "suite/id".
  std::vector<std::string> patterns;
  /// A case is selected when it has at least one of these tags.
  std::vector<std::string> tags;
};

/// One selected case and, when it cannot run against the profile, why.
struct PlannedCase {
  const Case* spec = nullptr;  ///< points into the owning Plan's suites
  std::string skip_reason;     ///< empty: the case runs
};

/// The cases to run against one profile. `cases` point into `suites`: moving keeps them
/// valid, and copying re-points them into the copy.
struct Plan {
  Profile profile;
  std::vector<Suite> suites;
  std::vector<PlannedCase> cases;  ///< suites as given, cases in file order

  Plan() = default;
  Plan(const Plan& other);
  Plan& operator=(const Plan& other);
  Plan(Plan&& other) = default;
  Plan& operator=(Plan&& other) = default;
  ~Plan() = default;
};

/// True when `selection` picks `spec` (by its full id and its tags).
bool is_selected(const Case& spec, const Selection& selection);

/// True when `text` matches the glob `pattern` ('*' and '?').
bool glob_match(std::string_view pattern, std::string_view text);

/// Selects the cases of `suites` and decides which of them `profile` can run. A case is
/// skipped when the profile lacks a `requires` capability (`https` on a declared plain-HTTP
/// rig, RFC 9126 §2), a client selector cannot be
/// resolved, a selected client is unavailable, a step's authentication needs key material
/// the client lacks, or a ${policy.X} it uses is undocumented. Throws LoadError for a
/// ${name} that is not defined where it is used (see check_case_variables).
Plan make_plan(Profile profile, std::vector<Suite> suites, const Selection& selection);

/// The reasons that make cases of `plan` skip, each with the number of cases it costs; the
/// most costly first, then by reason.
std::vector<report::SkipCause> skip_causes(const Plan& plan);

}  // namespace parity::run
