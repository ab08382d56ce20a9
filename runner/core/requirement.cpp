#include "core/requirement.hpp"

#include <algorithm>

namespace parity {
namespace {

/// `binds` without its parenthesised remarks: "C (AS rejects)" → "C ".
std::string without_remarks(const std::string& binds) {
  std::string text;
  int depth = 0;
  for (const char c : binds) {
    depth += c == '(' ? 1 : 0;
    if (depth == 0) {
      text += c;
    }
    depth -= c == ')' && depth > 0 ? 1 : 0;
  }
  return text;
}

bool is_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace

RequirementRef parse_requirement_ref(const std::string& text) {
  const auto hash = text.find('#');
  if (hash == std::string::npos) {
    return {text, ""};
  }
  return {text.substr(0, hash), text.substr(hash + 1)};
}

bool Requirement::binds_server() const {
  const std::string text = without_remarks(binds);
  for (std::size_t at = text.find("AS"); at != std::string::npos; at = text.find("AS", at + 1)) {
    const bool starts = at == 0 || !is_name_char(text[at - 1]);
    const bool ends = at + 2 == text.size() || !is_name_char(text[at + 2]);
    if (starts && ends) {
      return true;
    }
  }
  return false;
}

bool Requirement::is_absolute_server_rule() const {
  static const std::vector<std::string> k_absolute{
      "MUST", "MUST NOT", "SHALL", "SHALL NOT", "REQUIRED", "IMPLICIT"};
  return binds_server() &&
         std::find(k_absolute.begin(), k_absolute.end(), level) != k_absolute.end();
}

const Facet* Requirement::find_facet(const std::string& facet_id) const {
  const auto found = std::find_if(
      facets.begin(), facets.end(), [&](const Facet& facet) { return facet.id == facet_id; });
  return found == facets.end() ? nullptr : &*found;
}

}  // namespace parity
