#include "target/target.hpp"

#include "core/build_info.hpp"
#include "http/curl_client.hpp"
#include "load/profile_loader.hpp"
#include "load/suite_loader.hpp"
#include "plan/plan.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"
#include "report/run_listener.hpp"
#include "run/executor.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace parity::target {
namespace {

const std::string k_source = std::string(parity::build_info::source_dir());

class SilentListener final : public report::RunListener {
 public:
  void on_run_started(const std::string&, const std::string&, std::size_t, bool) override {}
  void on_case_finished(const CaseResult&) override {}
  void on_run_finished(const RunResult&) override {}
};

Profile reference_profile() {
  return load::load_profile(k_source + "/profiles/reference.yaml");
}

/// Runs the committed suites' cases matching `pattern` against `target`.
RunResult run_cases(const Target& target, const std::string& pattern) {
  const auto suites = load::load_suites({k_source + "/suites"});
  const run::Plan plan = run::make_plan(target.profile, suites, run::Selection{{pattern}, {}});
  SilentListener listener;
  const http::ClientOptions options = client_options_for(target.profile);
  return run::run_plan(plan, run::RunOptions{}, listener, [&options] {
    return std::make_unique<http::CurlClient>(options);
  });
}

std::string junit_of(const RunResult& result) {
  std::ostringstream out;
  report::write_junit(result, out);
  return out.str();
}

TEST(TargetTest, ReferenceProfileRunsOverVerifiedHttps) {
  const Profile profile = reference_profile();
  EXPECT_TRUE(profile.tls.verify);
  EXPECT_EQ(profile.tls.ca_file, k_source + "/fixtures/tls/ca.pem");
  const Target target = prepare_target(profile, {});
  ASSERT_EQ(target.error, "");
  EXPECT_EQ(target.profile.issuer.rfind("https://127.0.0.1:", 0), 0U) << target.profile.issuer;
  EXPECT_EQ(target.profile.endpoints.par, target.profile.issuer + "/par");
  EXPECT_TRUE(target.profile.capabilities.count("discovery"));
  const RunResult result = run_cases(target, "par.metadata/par_endpoint_uses_https");
  ASSERT_EQ(result.cases.size(), 1U);
  EXPECT_EQ(result.cases[0].outcome, Outcome::passed) << result.cases[0].error;
  EXPECT_TRUE(result.tls_verified);
  EXPECT_EQ(report::to_json(result).at("tls_verified"), true);
}

TEST(TargetTest, PlainHttpParEndpointFaultFailsTheHttpsCase) {
  const Target target = prepare_target(reference_profile(), {"par_endpoint_plain_http"});
  ASSERT_EQ(target.error, "");
  const RunResult result = run_cases(target, "par.metadata/par_endpoint_uses_https");
  ASSERT_EQ(result.cases.size(), 1U);
  EXPECT_EQ(result.cases[0].outcome, Outcome::failed);
}

TEST(TargetTest, UntrustedCertificateIsAClearVerificationError) {
  Profile profile = reference_profile();
  profile.tls.ca_file = k_source + "/fixtures/tls/other-ca.pem";
  const Target target = prepare_target(profile, {});
  // Discovery is the first request: the run cannot start, and says why.
  EXPECT_NE(target.error.find("cannot fetch metadata https://127.0.0.1:"), std::string::npos)
      << target.error;
  EXPECT_NE(target.error.find("SSL certificate problem"), std::string::npos) << target.error;
  // A case against the same server errors (not fails) with the same reason.
  const RunResult result = run_cases(target, "par.core/push_client_secret_basic");
  ASSERT_EQ(result.cases.size(), 1U);
  EXPECT_EQ(result.cases[0].outcome, Outcome::errored);
  EXPECT_NE(result.cases[0].error.find("SSL certificate problem"), std::string::npos)
      << result.cases[0].error;
}

TEST(TargetTest, InsecurePassesButEveryReportSaysTlsWasNotVerified) {
  Profile profile = reference_profile();
  profile.tls.ca_file = k_source + "/fixtures/tls/other-ca.pem";
  profile.tls.verify = false;  // what `tls: { insecure: true }` loads as
  const Target target = prepare_target(profile, {});
  ASSERT_EQ(target.error, "");
  const RunResult result = run_cases(target, "par.core/push_client_secret_basic");
  ASSERT_EQ(result.cases.size(), 1U);
  EXPECT_EQ(result.cases[0].outcome, Outcome::passed) << result.cases[0].error;
  EXPECT_FALSE(result.tls_verified);
  EXPECT_EQ(report::to_json(result).at("tls_verified"), false);
  EXPECT_NE(junit_of(result).find(R"(<property name="tls_verified" value="false"/>)"),
            std::string::npos);
}

}  // namespace
}  // namespace parity::target
