#include "core/build_info.hpp"
#include "crypto/base64url.hpp"
#include "hostile/hostile_server.hpp"
#include "hostile/test_runs.hpp"
#include "load/profile_loader.hpp"
#include "load/suite_loader.hpp"
#include "request/client_auth.hpp"
#include "target/target.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

// Whatever the server does, no secret of the profile and no credential the runner
// sent appears in any output of the run (verbose console, JUnit, JSON, and the comparison
// page and Markdown built from it).
namespace parity::hostile {
namespace {

// The base64 lines of PEM text: a key leaking in part still matches one of them.
void add_pem_text_lines(const std::string& pem, std::set<std::string>& secrets) {
  std::istringstream in(pem);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("-----", 0) != 0 && line.size() >= 16) {
      secrets.insert(line);
    }
  }
}

// The same for a PEM file.
void add_pem_body_lines(const std::string& path, std::set<std::string>& secrets) {
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::ostringstream text;
  text << in.rdbuf();
  add_pem_text_lines(text.str(), secrets);
}

// Every secret value of `profile`, in every spelling the runner sends, and every credential
// `sent` saw on the wire.
std::set<std::string> known_secrets(const Profile& profile,
                                    const test_support::SentCredentials& sent) {
  std::set<std::string> secrets;
  for (const Client& client : profile.clients) {
    if (!client.secret.empty()) {
      secrets.insert(client.secret);
      secrets.insert(run::basic_credentials(client.id, client.secret));
      secrets.insert(crypto::base64_encode(client.id + ":" + client.secret));
    }
    if (!client.private_key_path.empty()) {
      add_pem_body_lines(client.private_key_path, secrets);
    }
    // RFC 8705 §2: the private key behind an mTLS client's certificate.
    add_pem_text_lines(client.tls_private_key_pem, secrets);
  }
  if (!profile.dpop_key.empty()) {
    add_pem_body_lines(profile.dpop_key, secrets);
  }
  for (const std::string& value : sent.values()) {
    if (value.size() >= 8) {
      secrets.insert(value);
    }
  }
  return secrets;
}

void expect_no_secret(const test_support::RunOutputs& outputs,
                      const std::set<std::string>& secrets) {
  const std::vector<std::pair<std::string, const std::string*>> texts = {
      {"console", &outputs.console},
      {"JUnit", &outputs.junit},
      {"JSON", &outputs.json},
      {"comparison HTML", &outputs.comparison_html},
      {"comparison Markdown", &outputs.comparison_markdown}};
  for (const auto& [name, text] : texts) {
    for (const std::string& secret : secrets) {
      const auto at = text->find(secret);
      EXPECT_EQ(at, std::string::npos)
          << name << " shows the secret " << secret.substr(0, 24) << "… in: "
          << text->substr(at == std::string::npos ? 0 : at - std::min<std::size_t>(at, 80), 200);
    }
  }
}

std::vector<Suite> all_suites() {
  return load::load_suites({parity::build_info::source_path("suites")});
}

// The reference profile (every client, auth method, JAR and DPoP) aimed at the hostile
// server's echo paths: the PAR endpoint answers 201 with the request echoed in request_uri,
// which later steps send on; the other endpoints answer an error page echoing the request.
Profile echo_profile(const std::string& base_url) {
  Profile profile = load::load_profile(parity::build_info::source_path("profiles/reference.yaml"));
  profile.embedded_server_config.clear();
  profile.tls = TlsConfig{};
  profile.issuer = base_url;
  profile.metadata_url.clear();
  profile.endpoints.par = base_url + "/echo-json";
  profile.endpoints.authorization = base_url + "/echo";
  profile.endpoints.token = base_url + "/echo-json";
  return profile;
}

TEST(SecretsTest, FullSuiteAgainstAnEchoingServerLeaksNothing) {
  HostileServer server;
  const run::Plan plan = run::make_plan(echo_profile(server.base_url()), all_suites(), {});
  test_support::SentCredentials sent;
  const test_support::RunOutputs outputs = test_support::run_with_reports(plan, 8, &sent);
  std::size_t ran = 0;
  for (const CaseResult& result : outputs.result.cases) {
    ran += result.outcome == Outcome::skipped ? 0 : 1;
  }
  EXPECT_GE(ran, 100U);  // the echo server saw (almost) the whole suite
  const std::set<std::string> secrets = known_secrets(plan.profile, sent);
  EXPECT_GE(sent.values().size(), 40U);  // distinct assertions, proofs, Basic credentials, secrets
  expect_no_secret(outputs, secrets);
}

TEST(SecretsTest, HostileEchoCasesLeakNothing) {
  HostileServer server;
  const run::Plan plan =
      run::make_plan(test_support::hostile_profile(server.base_url()),
                     {load::load_suite(parity::build_info::fixture_path("hostile/hostile.yaml"))},
                     run::Selection{{"hostile.behaviours/echo*"}, {}});
  test_support::SentCredentials sent;
  const test_support::RunOutputs outputs = test_support::run_with_reports(plan, 4, &sent);
  ASSERT_EQ(outputs.result.cases.size(), 10U);
  for (const CaseResult& result : outputs.result.cases) {
    EXPECT_EQ(result.outcome, Outcome::failed) << result.id << ": " << result.error;
  }
  // The server did get the credentials: the test would catch them if they came back.
  std::string received;
  for (const ReceivedRequest& request : server.received()) {
    received += request.head + request.body;
  }
  for (const std::string& value : sent.values()) {
    EXPECT_NE(received.find(value), std::string::npos) << value;
  }
  expect_no_secret(outputs, known_secrets(plan.profile, sent));
}

// Full flows (push, authorize, code, token, with PKCE and DPoP) against the reference
// server: every credential seen on the wire in either direction (access tokens, codes,
// code_verifiers, DPoP proofs, client secrets and assertions) is absent from every output.
TEST(SecretsTest, FullSuiteAgainstTheReferenceServerLeaksNothing) {
  target::Target target = target::prepare_target(
      load::load_profile(parity::build_info::source_path("profiles/reference.yaml")), {});
  ASSERT_EQ(target.error, "");
  const run::Plan plan = run::make_plan(target.profile, all_suites(), {});
  test_support::SentCredentials sent;
  const test_support::RunOutputs outputs = test_support::run_with_reports(plan, 8, &sent);
  EXPECT_EQ(outputs.result.cases.size(), plan.cases.size());
  // The flows did hand out live credentials: the grep below would catch them.
  const std::set<std::string> kinds = sent.kinds();
  for (const char* kind : {"access_token", "code", "code_verifier", "dpop_proof"}) {
    EXPECT_EQ(kinds.count(kind), 1U) << kind;
  }
  expect_no_secret(outputs, known_secrets(plan.profile, sent));
  // What a reader keeps: kind, length and fingerprint.
  EXPECT_NE(outputs.json.find("[redacted access_token, "), std::string::npos);
  EXPECT_NE(outputs.json.find("[redacted code, "), std::string::npos);
  EXPECT_NE(outputs.json.find("\"credentials_revealed\": false"), std::string::npos);
}

// --reveal-credentials keeps tokens and codes (local debugging) and every report says so;
// client secrets stay masked even then.
TEST(SecretsTest, RevealedCredentialsAreShownAndFlagged) {
  target::Target target = target::prepare_target(
      load::load_profile(parity::build_info::source_path("profiles/reference.yaml")), {});
  ASSERT_EQ(target.error, "");
  const run::Plan plan =
      run::make_plan(target.profile, all_suites(), run::Selection{{"par.flow/*"}, {}});
  test_support::SentCredentials sent;
  const test_support::RunOutputs outputs = test_support::run_with_reports(plan, 4, &sent, true);
  EXPECT_NE(outputs.json.find("\"credentials_revealed\": true"), std::string::npos);
  EXPECT_NE(outputs.junit.find("name=\"credentials_revealed\" value=\"true\""), std::string::npos);
  EXPECT_NE(outputs.console.find("WARNING: credentials revealed"), std::string::npos);
  const std::set<std::string> tokens = sent.values_of("access_token");
  ASSERT_FALSE(tokens.empty());
  bool shown = false;
  for (const std::string& token : tokens) {
    shown = shown || outputs.json.find(token) != std::string::npos;
  }
  EXPECT_TRUE(shown);  // the reveal does reveal
  for (const Client& client : plan.profile.clients) {
    if (client.secret.size() >= 4) {
      EXPECT_EQ(outputs.json.find(client.secret), std::string::npos) << client.name;
    }
  }
}

}  // namespace
}  // namespace parity::hostile
