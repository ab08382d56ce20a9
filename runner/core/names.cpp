#include "core/enum_names.hpp"
#include "core/profile.hpp"
#include "core/result.hpp"
#include "core/suite.hpp"

namespace parity {
namespace {

constexpr EnumNames<AuthMethod, 7> k_auth_methods{{
    {AuthMethod::none, "none"},
    {AuthMethod::client_secret_basic, "client_secret_basic"},
    {AuthMethod::client_secret_post, "client_secret_post"},
    {AuthMethod::client_secret_jwt, "client_secret_jwt"},
    {AuthMethod::private_key_jwt, "private_key_jwt"},
    {AuthMethod::tls_client_auth, "tls_client_auth"},
    {AuthMethod::self_signed_tls_client_auth, "self_signed_tls_client_auth"},
}};

constexpr EnumNames<StepKind, 5> k_step_kinds{{
    {StepKind::push, "push"},
    {StepKind::authorize, "authorize"},
    {StepKind::token, "token"},
    {StepKind::discover, "discover"},
    {StepKind::wait, "wait"},
}};

constexpr EnumNames<Outcome, 5> k_outcomes{{
    {Outcome::passed, "passed"},
    {Outcome::warned, "warned"},
    {Outcome::failed, "failed"},
    {Outcome::errored, "errored"},
    {Outcome::skipped, "skipped"},
}};

}  // namespace

std::string_view to_string(AuthMethod method) {
  return name_in(k_auth_methods, method);
}

std::optional<AuthMethod> parse_auth_method(std::string_view name) {
  return value_in(k_auth_methods, name);
}

std::vector<std::string> auth_method_names() {
  return names_in(k_auth_methods);
}

bool uses_secret(AuthMethod method) {
  return method == AuthMethod::client_secret_basic || method == AuthMethod::client_secret_post ||
         method == AuthMethod::client_secret_jwt;
}

bool uses_tls_certificate(AuthMethod method) {
  return method == AuthMethod::tls_client_auth || method == AuthMethod::self_signed_tls_client_auth;
}

std::string_view to_string(StepKind kind) {
  return name_in(k_step_kinds, kind);
}

std::optional<StepKind> parse_step_kind(std::string_view name) {
  return value_in(k_step_kinds, name);
}

std::vector<std::string> step_kind_names() {
  return names_in(k_step_kinds);
}

std::string_view to_string(Outcome outcome) {
  return name_in(k_outcomes, outcome);
}

}  // namespace parity
