#include "core/profile.hpp"
#include "core/result.hpp"
#include "core/suite.hpp"

#include <array>
#include <utility>

namespace parity {
namespace {

constexpr std::array<std::pair<AuthMethod, std::string_view>, 7> k_auth_methods{{
    {AuthMethod::none, "none"},
    {AuthMethod::client_secret_basic, "client_secret_basic"},
    {AuthMethod::client_secret_post, "client_secret_post"},
    {AuthMethod::client_secret_jwt, "client_secret_jwt"},
    {AuthMethod::private_key_jwt, "private_key_jwt"},
    {AuthMethod::tls_client_auth, "tls_client_auth"},
    {AuthMethod::self_signed_tls_client_auth, "self_signed_tls_client_auth"},
}};

}  // namespace

std::string_view to_string(AuthMethod method) {
  for (const auto& [value, name] : k_auth_methods) {
    if (value == method) {
      return name;
    }
  }
  return "unknown";
}

std::optional<AuthMethod> parse_auth_method(std::string_view name) {
  for (const auto& [value, text] : k_auth_methods) {
    if (text == name) {
      return value;
    }
  }
  return std::nullopt;
}

std::vector<std::string> auth_method_names() {
  std::vector<std::string> names;
  names.reserve(k_auth_methods.size());
  for (const auto& entry : k_auth_methods) {
    names.emplace_back(entry.second);
  }
  return names;
}

bool uses_secret(AuthMethod method) {
  return method == AuthMethod::client_secret_basic || method == AuthMethod::client_secret_post ||
         method == AuthMethod::client_secret_jwt;
}

bool uses_tls_certificate(AuthMethod method) {
  return method == AuthMethod::tls_client_auth || method == AuthMethod::self_signed_tls_client_auth;
}

std::string_view to_string(StepKind kind) {
  switch (kind) {
    case StepKind::push:
      return "push";
    case StepKind::authorize:
      return "authorize";
    case StepKind::token:
      return "token";
    case StepKind::wait:
      return "wait";
    case StepKind::discover:
      return "discover";
  }
  return "unknown";
}

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::passed:
      return "passed";
    case Outcome::warned:
      return "warned";
    case Outcome::failed:
      return "failed";
    case Outcome::errored:
      return "errored";
    case Outcome::skipped:
      return "skipped";
  }
  return "unknown";
}

}  // namespace parity
