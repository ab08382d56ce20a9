#include "load/checks.hpp"

#include "core/pattern.hpp"
#include "core/profile_vocabulary.hpp"
#include "crypto/error.hpp"
#include "crypto/key.hpp"
#include "eval/vars.hpp"

#include <algorithm>
#include <array>
#include <filesystem>

namespace parity::load {
namespace {

// Former capabilities that said "some client of the profile is registered so": now a
// property of that client (profiles/README.md, "Client roles and properties").
const std::vector<std::pair<std::string, std::string>> k_capabilities_now_properties{
    {"par_required_client", "par_required"}, {"dpop_nonce", "dpop_nonce_required"}};

// suites/README.md, "Variables": names a case variable or capture may not redefine.
const std::vector<std::string> k_builtin_names{"issuer", "metadata_url", "state", "nonce", "now"};

std::string with_suggestion(std::string message,
                            const std::string& word,
                            const std::vector<std::string>& choices) {
  const std::string close = suggest(word, choices);
  if (!close.empty()) {
    message += " (did you mean '" + close + "'?)";
  }
  return message;
}

}  // namespace

std::optional<Located> optional_scalar(MapReader& reader, const std::string& key) {
  auto node = reader.optional_node(key);
  if (!node) {
    return std::nullopt;
  }
  if (!node->IsScalar()) {
    throw LoadError(
        node->IsNull() ? reader.location_of_key(key) : location_of(*node, reader.file()),
        "'" + key + "' must be a string");
  }
  return Located{node->Scalar(), location_of(*node, reader.file())};
}

Located required_scalar(MapReader& reader, const std::string& key) {
  if (!reader.has(key)) {
    reader.required_node(key);  // throws "missing required key"
  }
  return *optional_scalar(reader, key);
}

void allow_keys(MapReader& reader, const std::vector<std::string>& keys) {
  for (const auto& key : keys) {
    reader.optional_node(key);
  }
  reader.finish();
}

std::optional<Text> optional_text(MapReader& reader, const std::string& key) {
  auto node = reader.optional_node(key);
  if (!node) {
    return std::nullopt;
  }
  if (node->IsNull()) {
    throw LoadError(reader.location_of_key(key), "'" + key + "' must be a string");
  }
  return read_text(*node, reader.file(), "'" + key + "'");
}

std::vector<Located> optional_scalar_list(MapReader& reader, const std::string& key) {
  auto node = reader.optional_node(key);
  if (!node) {
    return {};
  }
  if (!node->IsSequence()) {
    throw LoadError(
        node->IsNull() ? reader.location_of_key(key) : location_of(*node, reader.file()),
        "'" + key + "' must be a list of strings");
  }
  std::vector<Located> items;
  for (const auto& item : *node) {
    if (!item.IsScalar()) {
      throw LoadError(location_of(item, reader.file()), "items of '" + key + "' must be strings");
    }
    items.push_back({item.Scalar(), location_of(item, reader.file())});
  }
  return items;
}

Text read_text(const YAML::Node& node, const std::string& file, const std::string& what) {
  if (!node.IsScalar()) {
    throw LoadError(location_of(node, file), what + " must be a string");
  }
  Text text{node.Scalar(), location_of(node, file)};
  eval::template_names(text);
  return text;
}

void check_json_templates(const nlohmann::json& value, const SourceLocation& where) {
  if (value.is_string()) {
    eval::template_names(Text{value.get<std::string>(), where});
    return;
  }
  if (value.is_array() || value.is_object()) {
    for (const auto& item : value) {
      check_json_templates(item, where);
    }
  }
}

void require_choice(const Located& value,
                    const std::vector<std::string>& choices,
                    const std::string& what) {
  if (std::find(choices.begin(), choices.end(), value.value) != choices.end()) {
    return;
  }
  std::string list;
  for (const auto& choice : choices) {
    list += (list.empty() ? "" : ", ") + choice;
  }
  throw LoadError(
      value.where,
      with_suggestion("unknown " + what + " '" + value.value + "'", value.value, choices) +
          "; expected one of: " + list);
}

AuthMethod read_auth_method(const Located& name) {
  if (auto method = parse_auth_method(name.value)) {
    return *method;
  }
  require_choice(name, auth_method_names(), "authentication method");
  return AuthMethod::none;  // unreachable: require_choice threw
}

void require_pattern(const Located& value,
                     const std::string& pattern,
                     const std::string& what,
                     const std::string& rule) {
  if (!full_match_constant(pattern, value.value)) {
    throw LoadError(value.where,
                    "invalid " + what + " '" + shown_value(value.value) + "' (" + rule + ")");
  }
}

void check_client_selector(const Located& selector) {
  const std::string& text = selector.value;
  if (text.empty() || text == "public" || text == "other") {
    return;
  }
  if (text.rfind("method:", 0) == 0) {
    read_auth_method({text.substr(7), selector.where});
    return;
  }
  if (text.rfind("other-method:", 0) == 0) {
    read_auth_method({text.substr(13), selector.where});
    return;
  }
  if (text.rfind("role:", 0) == 0) {
    require_choice({text.substr(5), selector.where}, client_role_names(), "client role");
    return;
  }
  if (text.rfind("property:", 0) == 0) {
    require_choice({text.substr(9), selector.where}, client_property_names(), "client property");
    return;
  }
  // The reference profiles' former client names, which order and naming made magic.
  static const std::vector<std::pair<std::string, std::string>> k_former_names{
      {"par-only", "property:par_required"},
      {"jar-only", "property:signed_request_object_required"},
      {"dpop-nonce", "property:dpop_nonce_required"}};
  for (const auto& [name, replacement] : k_former_names) {
    if (text == name) {
      throw LoadError(selector.where,
                      "client selector '" + name + "' names a profile client; select it by " +
                          "property: '" + replacement + "'");
    }
  }
  throw LoadError(selector.where,
                  with_suggestion("unknown client selector '" + shown_value(text) +
                                      "' (public, other, role:<role>, property:<property>, "
                                      "method:<auth method> or other-method:<auth method>; "
                                      "cases never pick a client by its name)",
                                  text,
                                  {"public", "other"}));
}

void check_capability(const Located& name) {
  if (name.value.rfind("client_auth:", 0) == 0) {
    read_auth_method({name.value.substr(12), name.where});
    return;
  }
  for (const auto& [former, property] : k_capabilities_now_properties) {
    if (name.value == former) {
      throw LoadError(name.where,
                      "capability '" + former + "' is now a client property: give the client " +
                          "'properties: [" + property + "]'");
    }
  }
  require_choice(name, capability_names(), "capability");
}

void check_policy_name(const Located& name) {
  if (find_policy(name.value) == nullptr) {
    require_choice(name, policy_names(), "policy");
  }
}

void check_policy_value(const Located& name,
                        const nlohmann::json& value,
                        const SourceLocation& where) {
  const PolicyEntry* entry = find_policy(name.value);
  bool fits = false;
  switch (entry->type) {
    case PolicyType::count:
      fits = value.is_number_integer() && value.get<long long>() >= 0;
      break;
    case PolicyType::seconds:
    case PolicyType::bytes:
      fits = value.is_number_integer() && value.get<long long>() > 0;
      break;
    case PolicyType::text:
      fits = value.is_string() && !value.get<std::string>().empty();
      break;
    case PolicyType::pkce_method:
      fits = value == "plain" || value == "S256";
      break;
  }
  if (!fits) {
    throw LoadError(where,
                    "policy '" + name.value + "' must be " + std::string(describe(entry->type)) +
                        ", not " +
                        shown_value(value.is_string() ? value.get<std::string>() : value.dump()));
  }
}

void check_variable_name(const Located& name) {
  require_pattern(name,
                  "[A-Za-z_][A-Za-z0-9_]*",
                  "variable name",
                  "letters, digits and '_', not starting with a digit");
  if (std::find(k_builtin_names.begin(), k_builtin_names.end(), name.value) !=
      k_builtin_names.end()) {
    throw LoadError(name.where, "variable '" + name.value + "' redefines a built-in variable");
  }
}

std::string resolve_path(const std::string& base_file, const std::string& path) {
  namespace fs = std::filesystem;
  // A `--set` value (load/profile_overlay.hpp) is relative to the current directory.
  const fs::path base = base_file.rfind("--set ", 0) == 0
                            ? fs::current_path()
                            : fs::absolute(fs::path(base_file)).parent_path();
  return (base / fs::path(path)).lexically_normal().string();
}

std::string check_private_key(const std::string& path, const SourceLocation& where) {
  require_file(path, where);
  try {
    const crypto::Key key = crypto::Key::from_pem_file(path);
    if (!key.is_private()) {
      throw LoadError(where, "not a private key: " + path);
    }
    return key.type() == crypto::Key::Type::rsa ? "rsa" : "ec";
  } catch (const crypto::CryptoError& e) {
    throw LoadError(where, std::string("cannot load private key: ") + e.what());
  }
}

void require_unique_id(SeenIds& seen,
                       const std::string& kind,
                       const std::string& id,
                       const SourceLocation& where) {
  const auto [it, inserted] = seen.emplace(id, where);
  if (!inserted) {
    throw LoadError(
        where,
        "duplicate " + kind + " id '" + id + "' (first defined at " + it->second.str() + ")");
  }
}

}  // namespace parity::load
