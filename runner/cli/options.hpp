#pragma once

#include <map>
#include <string>
#include <vector>

namespace parity::cli {

/// Options of `parity run` and `parity list` (and of a bare `parity`: all defaults).
struct RunOptionsCli {
  std::vector<std::string> profiles;  ///< profile files; empty: the reference profile
  std::vector<std::string> suites;    ///< suite files or directories; empty: suites/
  std::vector<std::string> filters;   ///< globs on "suite/id"
  std::vector<std::string> tags;
  std::vector<std::string> faults;     ///< reference-server faults (embedded targets only)
  std::vector<std::string> reports;    ///< "junit", "json", "html", each optionally ":PATH"
  std::vector<std::string> variables;  ///< "NAME=VALUE": ${NAME} in every case
  std::vector<std::string> sets;       ///< "path=value": a profile value (load/profile_overlay)
  std::string out_dir;                 ///< where reports go; empty: reports/
  std::string max_skipped;             ///< "N" cases or "P%" of the cases; empty: no limit
  int jobs = 4;
  int max_wait_seconds = 300;
  bool allow_empty = false;  ///< a run where no case ran exits 0 instead of 6
  bool verbose = false;
  bool no_color = false;
  bool reveal_credentials = false;  ///< record live tokens, codes and cookies (local debugging)
};

/// Options of `parity validate`.
struct ValidateOptions {
  std::vector<std::string> profiles;  ///< files or directories
  std::vector<std::string> suites;    ///< files or directories
  std::vector<std::string> sets;      ///< "path=value" applied to every profile
};

/// Options of `parity coverage`.
struct CoverageOptions {
  std::vector<std::string> suites;  ///< files or directories; empty: suites/
  std::string catalogue;            ///< empty: suites/catalogue/ (every file)
  std::string json;                 ///< also write the report as JSON here; empty: no JSON
  std::string selftest;  ///< JSON of `parity selftest --json`: verified proofs; empty: declared
  std::string proofs;    ///< fault proof table; empty: fixtures/reference/fault_proofs.yaml
};

/// Options of `parity serve`.
struct ServeOptions {
  std::string config;  ///< server config; empty: fixtures/reference/default.yaml
  int port = 0;
  std::vector<std::string> faults;
};

/// Options of `parity selftest`.
struct SelftestOptionsCli {
  std::vector<std::string> suites;   ///< files or directories; empty: suites/
  std::vector<std::string> faults;   ///< only these faults; empty: the whole catalogue
  std::vector<std::string> filters;  ///< globs on "suite/id"; empty: every case
  std::vector<std::string> sets;     ///< "path=value" applied to every profile loaded
  std::string proofs;                ///< empty: fixtures/reference/fault_proofs.yaml
  std::string json;                  ///< also write the result as JSON here
  int parallel = 16;                 ///< runs in flight: each mostly waits, 16 keep 2 cores busy
  int jobs = 8;
};

/// Options of `parity compare` (README, "Comparing providers").
struct CompareOptionsCli {
  std::vector<std::string> profiles;  ///< profiles to run now, concurrently
  std::vector<std::string> results;   ///< JSON reports of earlier runs
  std::string baseline;               ///< a JSON report to diff the one other run against
  std::vector<std::string> suites;    ///< for live runs; empty: suites/
  std::vector<std::string> filters;   ///< globs on "suite/id"
  std::vector<std::string> tags;
  std::vector<std::string> variables;  ///< "NAME=VALUE": ${NAME} in every case of live runs
  std::vector<std::string> sets;       ///< "path=value" applied to every live profile
  std::string out_dir;  ///< comparison.{html,md,json} and live reports; empty: reports/
  int jobs = 4;         ///< cases in flight per live run
  int max_wait_seconds = 300;
};

/// Options of `parity drift`.
struct DriftOptions {
  std::string baseline;  ///< JSON report of the earlier run
  std::string current;   ///< JSON report of the later run
  std::string json;      ///< also write the drift as JSON here
  std::string markdown;  ///< also write the drift as Markdown here
};

/// The fault-proof table `parity selftest` reads by default.
inline constexpr const char* k_default_fault_proofs = "fixtures/reference/fault_proofs.yaml";

/// Where `run` and `compare` write by default: reports/ in the working directory, never in the
/// data parity reads (an installed /usr/share/parity is not writable).
inline constexpr const char* k_default_out_dir = "reports";

/// The requirement catalogue every command checks cited requirement ids against.
inline constexpr const char* k_default_catalogue = "suites/catalogue";

/// Parses `--variable NAME=VALUE` options into a map; throws UsageError for one without '=' or
/// with an empty or malformed NAME.
std::map<std::string, std::string> parse_variables(const std::vector<std::string>& specs);

/// Returns `relative` under the current directory when it exists there, else under parity's
/// data (build_info::source_dir(): installed or source tree), so the defaults work anywhere.
std::string default_path(const std::string& relative);

}  // namespace parity::cli
