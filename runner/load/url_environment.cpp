#include "load/url_environment.hpp"

#include <cstdlib>

namespace parity::load {

std::string expand_url_environment(const Located& url) {
  const std::string& raw = url.value;
  std::string expanded;
  std::size_t done = 0;
  for (std::size_t start = raw.find("${"); start != std::string::npos;
       start = raw.find("${", done)) {
    expanded.append(raw, done, start - done);
    const std::size_t end = raw.find('}', start);
    if (end == std::string::npos || raw.compare(start, 6, "${env:") != 0) {
      throw LoadError(url.where,
                      "a URL may only use ${env:NAME} or ${env:NAME:-DEFAULT} (an environment "
                      "variable)");
    }
    // ${env:NAME:-DEFAULT}: DEFAULT when NAME is unset or empty, as in the shell.
    const std::string inside = raw.substr(start + 6, end - start - 6);
    const std::size_t fallback_at = inside.find(":-");
    const Located name{inside.substr(0, fallback_at), url.where};
    require_pattern(
        name, "[A-Za-z_][A-Za-z0-9_]*", "environment variable name", "letters, digits and '_'");
    const char* value = std::getenv(name.value.c_str());
    if (value != nullptr && *value != '\0') {
      expanded += value;
    } else if (fallback_at != std::string::npos) {
      expanded += inside.substr(fallback_at + 2);
    } else {
      throw LoadError(
          url.where,
          "environment variable " + name.value + " is " + (value == nullptr ? "not set" : "empty") +
              " (used in this URL; ${env:" + name.value + ":-DEFAULT} gives a default)");
    }
    done = end + 1;
  }
  expanded.append(raw, done);
  return expanded;
}

}  // namespace parity::load
