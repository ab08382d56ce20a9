#pragma once

#include <string>
#include <vector>

namespace parity::cli {

/// Options of `parity run` and `parity list`.
struct RunOptionsCli {
  std::vector<std::string> profiles;  ///< profile files; empty: the reference profile
  std::vector<std::string> suites;    ///< suite files or directories; empty: suites/
  std::vector<std::string> filters;   ///< globs on "suite/id"
  std::vector<std::string> tags;
  std::vector<std::string> faults;   ///< reference-server faults (embedded targets only)
  std::vector<std::string> reports;  ///< "junit", "json", "junit:PATH", "json:PATH"
  std::string out_dir;               ///< where reports go; empty: reports/
  int jobs = 4;
  int max_wait_seconds = 300;
  bool verbose = false;
  bool no_color = false;
};

/// Options of `parity validate`.
struct ValidateOptions {
  std::vector<std::string> profiles;  ///< files or directories
  std::vector<std::string> suites;    ///< files or directories
};

/// Options of `parity coverage`.
struct CoverageOptions {
  std::vector<std::string> suites;  ///< files or directories; empty: suites/
  std::string catalogue;            ///< empty: suites/catalogue/ (every file)
  std::string json;                 ///< also write the report as JSON here; empty: no JSON
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
  std::string proofs;                ///< empty: fixtures/reference/fault_proofs.yaml
  std::string json;                  ///< also write the result as JSON here
  int parallel = 4;
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

/// The requirement catalogue every command checks cited requirement ids against.
inline constexpr const char* k_default_catalogue = "suites/catalogue";

/// Returns `relative` under the current directory when it exists there, else under the
/// source tree parity was built from (so the defaults work from any directory).
std::string default_path(const std::string& relative);

}  // namespace parity::cli
