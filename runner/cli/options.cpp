#include "cli/options.hpp"

#include "core/build_info.hpp"
#include "core/errors.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace parity::cli {

std::map<std::string, std::string> parse_variables(const std::vector<std::string>& specs) {
  std::map<std::string, std::string> variables;
  for (const std::string& spec : specs) {
    const auto equals = spec.find('=');
    const std::string name = spec.substr(0, equals);
    const bool valid_name =
        !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
          return std::isalnum(c) != 0 || c == '_' || c == '.' || c == '-';
        });
    if (equals == std::string::npos || !valid_name) {
      throw UsageError("--variable '" + spec +
                       "': expected NAME=VALUE (NAME of letters, digits, '_', '.', '-')");
    }
    variables[name] = spec.substr(equals + 1);
  }
  return variables;
}

std::string default_path(const std::string& relative) {
  if (std::filesystem::exists(relative)) {
    return relative;
  }
  return (std::filesystem::path(parity::build_info::source_dir()) / relative).string();
}

}  // namespace parity::cli
