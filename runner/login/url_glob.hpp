#pragma once

#include <string>

namespace parity::login {

/// Whether `url` matches `pattern`, where '*' stands for any text (possibly empty) and every
/// other character for itself (a browser step's `wait_for_url`, profiles/README.md).
bool glob_matches(const std::string& pattern, const std::string& url);

}  // namespace parity::login
