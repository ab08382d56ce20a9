#include "cli/commands.hpp"
#include "core/display_text.hpp"
#include "core/errors.hpp"
#include "load/catalogue_loader.hpp"
#include "load/level_rule.hpp"
#include "load/profile_loader.hpp"
#include "load/suite_loader.hpp"
#include "load/yaml_reader.hpp"
#include "plan/plan.hpp"

#include <iostream>

namespace parity::cli {
namespace {

/// Expands files and directories into the YAML files they hold.
std::vector<std::string> yaml_files(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    const std::vector<std::string> found = load::yaml_files(path);
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

/// Prints every requirement id the suites cite that the catalogue lacks and every case whose
/// level its requirements do not justify; returns the count of errors (1 when the catalogue
/// itself cannot be loaded).
int check_requirements(const std::vector<Suite>& suites) {
  std::vector<Requirement> catalogue;
  try {
    catalogue = load::load_catalogue(default_path(k_default_catalogue));
  } catch (const LoadError& error) {
    std::cerr << display_text(error.what()) << "\n";
    return 1;
  }
  std::vector<LoadError> errors = load::unknown_requirement_ids(suites, catalogue);
  const std::vector<LoadError> levels = load::case_level_errors(suites, catalogue);
  errors.insert(errors.end(), levels.begin(), levels.end());
  for (const LoadError& error : errors) {
    std::cerr << display_text(error.what()) << "\n";
  }
  return static_cast<int>(errors.size());
}

}  // namespace

int validate_command(const ValidateOptions& options) {
  const auto profile_files = yaml_files(
      options.profiles.empty() ? std::vector{default_path("profiles")} : options.profiles);
  const auto suite_files =
      yaml_files(options.suites.empty() ? std::vector{default_path("suites")} : options.suites);
  int errors = 0;
  std::vector<Profile> profiles;
  for (const std::string& file : profile_files) {
    try {
      profiles.push_back(load::load_profile(file, options.sets));
    } catch (const LoadError& error) {
      std::cerr << display_text(error.what()) << "\n";
      ++errors;
    }
  }
  std::vector<Suite> suites;
  for (const std::string& file : suite_files) {
    try {
      suites.push_back(load::load_suite(file));
    } catch (const LoadError& error) {
      std::cerr << display_text(error.what()) << "\n";
      ++errors;
    }
  }
  errors += check_requirements(suites);
  // Planning checks every ${variable} against what each profile defines.
  for (const Profile& profile : profiles) {
    for (const Suite& suite : suites) {
      try {
        run::make_plan(profile, {suite}, run::Selection{});
      } catch (const LoadError& error) {
        std::cerr << display_text(error.what()) << " (with profile " << profile.id << ")\n";
        ++errors;
      }
    }
  }
  std::size_t cases = 0;
  for (const Suite& suite : suites) {
    cases += suite.cases.size();
  }
  std::cout << "validated " << profiles.size() << " profiles and " << suites.size() << " suites ("
            << cases << " cases): " << errors << (errors == 1 ? " error" : " errors") << "\n";
  return errors == 0 ? 0 : static_cast<int>(ExitCode::bad_input);
}

}  // namespace parity::cli
