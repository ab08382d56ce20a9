#pragma once

#include "core/errors.hpp"
#include "core/profile.hpp"
#include "core/suite.hpp"
#include "load/input_checks.hpp"
#include "load/yaml_reader.hpp"

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parity::load {

/// A scalar value with the position of the node it came from.
struct Located {
  std::string value;
  SourceLocation where;
};

/// Reads `key` as a scalar with its position; nullopt when absent. Throws LoadError when the
/// value is not a scalar (a null value is reported at the key).
std::optional<Located> optional_scalar(MapReader& reader, const std::string& key);
/// As optional_scalar, but a missing key is a LoadError.
Located required_scalar(MapReader& reader, const std::string& key);
/// Declares every key `reader` accepts and reports the first other key now (with a
/// did-you-mean over `keys`), before any value is converted.
void allow_keys(MapReader& reader, const std::vector<std::string>& keys);
/// Reads `key` as a template Text (see read_text); nullopt when absent.
std::optional<Text> optional_text(MapReader& reader, const std::string& key);
/// Reads `key` as a list of scalars with their positions (empty when absent).
std::vector<Located> optional_scalar_list(MapReader& reader, const std::string& key);

/// Returns a template Text for a scalar `node`, its ${…} syntax checked (eval::template_names).
/// `what` names the value in the "must be a string" error.
Text read_text(const YAML::Node& node, const std::string& file, const std::string& what);
/// Checks the ${…} syntax of every string inside `value` (object keys excluded).
void check_json_templates(const nlohmann::json& value, const SourceLocation& where);

/// Throws LoadError "<what> 'value' is not valid (…)" with a did-you-mean over `choices`
/// unless `value` is one of them.
void require_choice(const Located& value,
                    const std::vector<std::string>& choices,
                    const std::string& what);
/// Parses an authentication method name (RFC 6749 §2.3, OIDC Core §9, RFC 8705 §2),
/// with a did-you-mean over the registered names on error.
AuthMethod read_auth_method(const Located& name);
/// Throws LoadError unless `value` fully matches the constant RE2 `pattern`
/// (core/pattern.hpp); `rule` explains it.
void require_pattern(const Located& value,
                     const std::string& pattern,
                     const std::string& what,
                     const std::string& rule);

/// Checks a client selector: "", "public", "other", "method:<auth method>" or a client name.
void check_client_selector(const Located& selector);
/// Checks a capability against the vocabulary (core/profile_vocabulary.hpp).
void check_capability(const Located& name);
/// Checks a policy name against the vocabulary (core/profile_vocabulary.hpp), with a
/// did-you-mean.
void check_policy_name(const Located& name);
/// Checks the value of the known policy `name` against its type; the error is at `where`.
void check_policy_value(const Located& name,
                        const nlohmann::json& value,
                        const SourceLocation& where);
/// Checks a variable or capture name ([A-Za-z_][A-Za-z0-9_]*, not a built-in name).
void check_variable_name(const Located& name);

/// Resolves `path` against the directory of `base_file`; returns an absolute, normal path.
std::string resolve_path(const std::string& base_file, const std::string& path);
/// Loads the PEM private key at `path` to check it; returns "rsa" or "ec". Crypto errors and
/// public keys become LoadError at `where`.
std::string check_private_key(const std::string& path, const SourceLocation& where);

/// Ids already seen (suites, cases, profiles, requirements), each with where it is defined.
using SeenIds = std::map<std::string, SourceLocation>;

/// Records `id`, defined at `where`; throws LoadError at `where` "duplicate <kind> id '<id>'
/// (first defined at <file:line:col>)" when `seen` already holds it.
void require_unique_id(SeenIds& seen,
                       const std::string& kind,
                       const std::string& id,
                       const SourceLocation& where);

}  // namespace parity::load
