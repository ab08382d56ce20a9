#include "core/build_info.hpp"
#include "core/http_message.hpp"
#include "hostile/hostile_server.hpp"
#include "hostile/test_runs.hpp"
#include "http/excerpt.hpp"
#include "load/suite_loader.hpp"
#include "target/target.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>

// The real runner (profile, plan, run_plan with CurlClient, reports) against the
// hostile server. Each misbehaviour ends its own case errored or failed, within bounded time
// and memory, while every other case still runs; the reports stay valid.
namespace parity::hostile {
namespace {

// fixtures/hostile/profile.yaml: timeout_ms 3000, max_response_bytes 1 MiB, excerpts 16 KiB.
constexpr std::int64_t k_timeout_ms = 3000;

struct Expected {
  Outcome outcome;
  std::string error;  ///< a substring of the case error (errored cases)
};

// The runner's outcome for each behaviour (runner/hostile/README.md has the same table).
const std::map<std::string, Expected>& expected_outcomes() {
  static const std::map<std::string, Expected> table = {
      {"ok", {Outcome::passed, ""}},
      {"never", {Outcome::errored, "Timeout was reached"}},
      {"slow", {Outcome::errored, "Timeout was reached"}},
      {"huge_body", {Outcome::errored, "response body larger than 1048576 bytes"}},
      {"huge_header", {Outcome::errored, "response header line over curl's 100 KiB limit"}},
      {"many_headers", {Outcome::errored, "Too large response headers"}},
      {"nested_json", {Outcome::failed, ""}},
      {"nested_json_document", {Outcome::failed, ""}},
      {"invalid_json", {Outcome::failed, ""}},
      {"wrong_types", {Outcome::failed, ""}},
      {"hostile_chars", {Outcome::failed, ""}},
      {"hostile_chars_json", {Outcome::failed, ""}},
      {"gzip_bomb", {Outcome::failed, ""}},
      {"br_bomb", {Outcome::failed, ""}},
      {"reset", {Outcome::errored, "Connection reset by peer"}},
      {"not_http", {Outcome::errored, "HTTP/0.9"}},
      {"redirect_loop", {Outcome::failed, ""}},
      {"redirect_other", {Outcome::failed, ""}},
      {"interim_only", {Outcome::errored, "Empty reply from server"}},
      {"status_999", {Outcome::failed, ""}},
      {"status_000", {Outcome::errored, "Unsupported response code"}},
      {"short_body", {Outcome::errored, "partial file"}},
      {"error_page", {Outcome::failed, ""}},
      {"ten_thousand_headers", {Outcome::failed, ""}},
      {"huge_error", {Outcome::errored, "response body larger than 1048576 bytes"}},
      {"latin1_json", {Outcome::failed, ""}},
      {"bidi", {Outcome::failed, ""}},
  };
  return table;
}

class HostileRunTest : public ::testing::Test {
 protected:
  // One run of the whole hostile suite, shared by the tests below.
  static void SetUpTestSuite() {
    s_server = std::make_unique<HostileServer>();
    s_other = std::make_unique<HostileServer>();
    s_server->set_other_host(s_other->base_url() + "/landed");
    const run::Plan plan =
        run::make_plan(test_support::hostile_profile(s_server->base_url()),
                       {load::load_suite(parity::build_info::fixture_path("hostile/hostile.yaml"))},
                       {});
    s_outputs = std::make_unique<test_support::RunOutputs>(test_support::run_with_reports(plan, 8));
  }
  static void TearDownTestSuite() {
    s_outputs.reset();
    s_other.reset();
    s_server.reset();
  }

  static const RunResult& run() { return s_outputs->result; }
  static const http::Exchange& first_exchange(const std::string& id) {
    static const http::Exchange k_none;
    for (const CaseResult& result : run().cases) {
      if (result.id == id && !result.steps.empty() && !result.steps[0].exchanges.empty()) {
        return result.steps[0].exchanges[0];
      }
    }
    ADD_FAILURE() << "no exchange for " << id;
    return k_none;
  }

  static std::unique_ptr<HostileServer> s_server;
  static std::unique_ptr<HostileServer> s_other;
  static std::unique_ptr<test_support::RunOutputs> s_outputs;
};

std::unique_ptr<HostileServer> HostileRunTest::s_server;
std::unique_ptr<HostileServer> HostileRunTest::s_other;
std::unique_ptr<test_support::RunOutputs> HostileRunTest::s_outputs;

TEST_F(HostileRunTest, EveryBehaviourEndsItsOwnCaseAsExpected) {
  for (const auto& [id, expected] : expected_outcomes()) {
    const CaseResult result = test_support::find_case(run(), id);
    EXPECT_EQ(result.outcome, expected.outcome) << id << ": " << result.error;
    EXPECT_NE(result.error.find(expected.error), std::string::npos) << id << ": " << result.error;
  }
  EXPECT_EQ(run().cases.size(), 37U);  // every case ran to a verdict; none was lost
}

#ifdef PARITY_SANITIZED
constexpr int k_sanitizer_factor = 4;  // ASan + UBSan: slower code, shadow memory
#else
constexpr int k_sanitizer_factor = 1;
#endif

TEST_F(HostileRunTest, TimeBoundsHold) {
  for (const char* id : {"never", "slow"}) {
    const CaseResult result = test_support::find_case(run(), id);
    EXPECT_GE(result.elapsed_ms, k_timeout_ms - 50) << id;
    EXPECT_LT(result.elapsed_ms, k_timeout_ms + 2000 * k_sanitizer_factor)
        << id;  // a total, not per-byte, timeout
  }
  for (const CaseResult& result : run().cases) {
    if (result.id != "never" && result.id != "slow") {
      EXPECT_LT(result.elapsed_ms, 2500 * k_sanitizer_factor) << result.id;
    }
  }
  // 8 jobs: the two 3 s timeouts overlap and the rest runs meanwhile.
  EXPECT_LT(s_outputs->wall_ms, 8000 * k_sanitizer_factor);
}

TEST_F(HostileRunTest, MemoryStaysBounded) {
  // 64 MiB of body, 64 MiB of headers and 32 MiB bombs were offered; the cap keeps each at
  // 1 MiB while it is judged, and the record keeps an excerpt of 16 KiB (the whole test
  // process, server included, stays small).
  EXPECT_LT(test_support::peak_rss_mib(), 200 * k_sanitizer_factor);
  const std::size_t excerpt = test_support::hostile_profile("http://x").max_recorded_bytes;
  for (const CaseResult& result : run().cases) {
    for (const StepResult& step : result.steps) {
      for (const http::Exchange& exchange : step.exchanges) {
        EXPECT_LE(exchange.response.body.size(), excerpt) << result.id;
        EXPECT_LE(exchange.response.headers.size(), excerpt / http::k_header_excerpt_overhead)
            << result.id;
      }
    }
  }
}

// Oversized answers are recorded as excerpts that say what they left out; the status line and
// headers of a body over the cap are kept (a 500 is not lost as status 0).
TEST_F(HostileRunTest, OversizedAnswersAreRecordedAsMarkedExcerpts) {
  const http::Exchange& page = first_exchange("error_page");
  EXPECT_EQ(page.response.status, 500);
  EXPECT_TRUE(page.response.body_cut.truncated);
  EXPECT_GT(page.response.body_cut.original_bytes, 1000000U);
  EXPECT_EQ(page.response.body.rfind("<!DOCTYPE html>", 0), 0U);

  const http::Exchange& headers = first_exchange("ten_thousand_headers");
  EXPECT_EQ(headers.response.status, 500);
  EXPECT_TRUE(headers.response.headers_cut.truncated);
  EXPECT_GE(headers.response.headers_cut.original_count, 10000U);
  EXPECT_EQ(http::find_header(headers.response.headers, "Content-Type"), "application/json");

  const http::Exchange& huge = first_exchange("huge_error");
  EXPECT_EQ(huge.response.status, 500);
  EXPECT_EQ(http::find_header(huge.response.headers, "Content-Type"), "text/html");
  EXPECT_NE(huge.transport_error.find("larger than 1048576 bytes"), std::string::npos);
  EXPECT_NE(s_outputs->console.find("< 500"), std::string::npos);

  const nlohmann::json report = nlohmann::json::parse(s_outputs->json);
  EXPECT_NE(s_outputs->json.find("\"original_count\": 10"), std::string::npos);
  EXPECT_LT(s_outputs->json.size(), std::size_t{5} << 20);
  EXPECT_LT(s_outputs->junit.size(), std::size_t{5} << 20);
}

// A body that is not JSON (here ISO-8859-1) is reported as such, with an escaped excerpt.
TEST_F(HostileRunTest, NonJsonBodiesAreNamedNotAbsent) {
  const CaseResult result = test_support::find_case(run(), "latin1_json");
  ASSERT_FALSE(result.steps.empty());
  bool named = false;
  for (const Check& check : result.steps[0].checks) {
    if (check.description.find("json:/request_uri") == 0) {
      named = check.actual.rfind("response is not JSON (not valid UTF-8 at byte 24): ", 0) == 0 &&
              check.actual.find("urn:caf\\xe9") != std::string::npos;
      EXPECT_TRUE(named) << check.actual;
    }
  }
  EXPECT_TRUE(named);
}

// Bidirectional overrides from a server reach no output raw; each shows as \u202E.
TEST_F(HostileRunTest, BidiOverridesAreShownNotObeyed) {
  const std::string rlo = "\xe2\x80\xae";
  const std::string lri = "\xe2\x81\xa6";
  for (const std::string* output : {&s_outputs->console, &s_outputs->junit, &s_outputs->json}) {
    EXPECT_EQ(output->find(rlo), std::string::npos);
    EXPECT_EQ(output->find(lri), std::string::npos);
  }
  EXPECT_NE(s_outputs->console.find("\\u202E"), std::string::npos);
  EXPECT_NE(s_outputs->junit.find("\\u2066note\\u202Etxt"), std::string::npos);
  EXPECT_NE(s_outputs->json.find("see \\\\u202Egpj.exe"), std::string::npos);
}

TEST_F(HostileRunTest, CompressedBodiesAreNeverDecoded) {
  const http::Exchange& gzip = first_exchange("gzip_bomb");
  EXPECT_EQ(http::find_header(gzip.response.headers, "Content-Encoding"), "gzip");
  EXPECT_EQ(gzip.response.body.rfind("\x1f\x8b", 0), 0U);  // the gzip magic: still compressed
  EXPECT_LT(gzip.response.body.size(), 256U * 1024);
  const http::Exchange& brotli = first_exchange("br_bomb");
  EXPECT_EQ(http::find_header(brotli.response.headers, "Content-Encoding"), "br");
  EXPECT_LT(brotli.response.body.size(), 64U * 1024);
  // curl asked for no encoding, so it offered none.
  EXPECT_FALSE(http::find_header(gzip.request.headers, "Accept-Encoding").has_value());
}

TEST_F(HostileRunTest, RedirectsAreNotFollowedAndCredentialsStayHome) {
  EXPECT_TRUE(s_other->received().empty());  // the other host never saw a request
  const http::Exchange& other = first_exchange("redirect_other");
  EXPECT_EQ(other.response.status, 307);
  EXPECT_EQ(http::find_header(other.response.headers, "Location"), s_other->base_url() + "/landed");
  std::size_t loops = 0;
  for (const ReceivedRequest& request : s_server->received()) {
    loops += request.path == "/redirect-loop" ? 1 : 0;
  }
  EXPECT_EQ(loops, 1U);
  EXPECT_EQ(first_exchange("redirect_loop").response.status, 302);
}

TEST_F(HostileRunTest, DeepJsonIsNotJsonAndCrashesNothing) {
  for (const char* id : {"nested_json", "nested_json_document"}) {
    const CaseResult result = test_support::find_case(run(), id);
    ASSERT_FALSE(result.steps.empty()) << id;
    bool type_check_failed = false;
    for (const Check& check : result.steps[0].checks) {
      type_check_failed =
          type_check_failed || (!check.passed && check.description.find("json:/request_uri") == 0);
    }
    EXPECT_TRUE(type_check_failed) << id;
  }
}

TEST_F(HostileRunTest, JunitStaysValidUnderHostileCharacters) {
  EXPECT_EQ(test_support::junit_schema_errors(s_outputs->junit), "");
  EXPECT_EQ(s_outputs->junit.find('\x01'), std::string::npos);  // XML 1.0 forbids it
  EXPECT_EQ(s_outputs->junit.find('\xff'), std::string::npos);  // ill-formed UTF-8 replaced
  EXPECT_NE(s_outputs->junit.find("hostile_chars"), std::string::npos);
}

TEST_F(HostileRunTest, JsonReportIsValidUtf8) {
  // nlohmann::json::parse throws on ill-formed UTF-8 and on raw control characters.
  const nlohmann::json report = nlohmann::json::parse(s_outputs->json);
  EXPECT_EQ(s_outputs->json.find('\x01'), std::string::npos);
  // Controls and bad bytes are shown as escapes (core/display_text.hpp), in JSON "\\x01".
  EXPECT_NE(s_outputs->json.find("ctl:\\\\x01\\\\x02\\\\x1b\\\\x7f"), std::string::npos);
  EXPECT_NE(s_outputs->json.find("bad:\\\\x80\\\\xc0\\\\xaf"), std::string::npos);
  EXPECT_NE(report.dump().find("cdata:]]> markup:<x a="), std::string::npos);  // text kept
}

TEST_F(HostileRunTest, ConsoleNamesEveryCase) {
  for (const auto& [id, expected] : expected_outcomes()) {
    EXPECT_NE(s_outputs->console.find("hostile.behaviours/" + id + " "), std::string::npos) << id;
  }
  EXPECT_EQ(s_outputs->console.find('\x1b'), std::string::npos);  // no terminal escapes passed on
}

// Metadata with missing and wrong-typed endpoint members: one setup error naming each, not
// every case erroring on an empty URL.
TEST(HostileDiscoveryTest, BadMetadataIsOneSetupErrorNamingTheFields) {
  const HostileServer server;
  Profile profile = test_support::hostile_profile(server.base_url());
  profile.endpoints = Endpoints{};
  profile.metadata_url = server.base_url() + "/bad-metadata";
  const target::Target target = target::prepare_target(profile, {});
  EXPECT_NE(target.error.find("pushed_authorization_request_endpoint is missing"),
            std::string::npos)
      << target.error;
  EXPECT_NE(target.error.find("authorization_endpoint is an array, not a URL string"),
            std::string::npos)
      << target.error;
  EXPECT_NE(target.error.find("token_endpoint is a number, not a URL string"), std::string::npos)
      << target.error;
}

}  // namespace
}  // namespace parity::hostile
