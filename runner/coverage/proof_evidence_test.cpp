#include "coverage/proof_evidence.hpp"

#include "core/errors.hpp"
#include "load/test_files.hpp"

#include <gtest/gtest.h>

namespace parity::coverage {
namespace {

using load::test_support::TempDir;

constexpr const char* k_clean =
    R"("clean": [{"profile": "reference", "not_passing": [], "error": ""}])";

std::string load_error(const std::string& text) {
  TempDir dir;
  const std::string path = dir.write("selftest.json", text);
  try {
    read_selftest_evidence(path);
  } catch (const LoadError& error) {
    return std::string(error.what()).substr(path.size() + 2);
  }
  return "no error";
}

TEST(ProofEvidenceTest, ReadsFaultsRulesAndCatchingCases) {
  TempDir dir;
  const std::string path = dir.write("selftest.json", std::string("{") + k_clean + R"(, "faults": [
      {"name": "a", "breaks": ["X-1#f", "X-2"], "level": "MUST", "caught": true,
       "failed": ["s/one"], "warned": ["s/two"]},
      {"name": "b", "breaks": ["X-3"], "level": "SHOULD", "caught": true,
       "failed": [], "warned": ["s/three"]},
      {"name": "c", "requirement": "X-4", "level": "MUST", "caught": false,
       "failed": [], "warned": ["s/four"]}]})");
  const ProofEvidence evidence = read_selftest_evidence(path);
  EXPECT_TRUE(evidence.verified);
  EXPECT_EQ(evidence.source, path);
  ASSERT_EQ(evidence.faults.size(), 3U);
  EXPECT_EQ(evidence.faults[0].breaks, (std::vector<std::string>{"X-1#f", "X-2"}));
  EXPECT_EQ(evidence.faults[0].failed, std::vector<std::string>{"s/one"});
  EXPECT_EQ(evidence.faults[0].warned, std::vector<std::string>{"s/two"});
  EXPECT_FALSE(evidence.faults[0].should_level);
  EXPECT_TRUE(evidence.faults[1].should_level);
  EXPECT_EQ(evidence.faults[1].warned, std::vector<std::string>{"s/three"});
  EXPECT_EQ(evidence.faults[2].breaks, std::vector<std::string>{"X-4"});  // older reports
}

TEST(ProofEvidenceTest, AFailingCleanRunProvesNothing) {
  TempDir dir;
  const std::string path =
      dir.write("selftest.json",
                R"({"clean": [{"not_passing": ["s/x: failed"], "error": ""}], "faults": [
          {"name": "a", "breaks": ["X-1"], "level": "MUST", "caught": true, "failed": ["s/one"]}]})");
  EXPECT_TRUE(read_selftest_evidence(path).faults[0].failed.empty());
}

TEST(ProofEvidenceTest, RejectsWhatIsNotASelftestReport) {
  EXPECT_EQ(load_error("{"), "not valid JSON (expected the output of `parity selftest --json`)");
  EXPECT_EQ(load_error("[]"), "no \"faults\" array: not the JSON of `parity selftest --json`");
  EXPECT_EQ(load_error(R"({"faults": []})"),
            "no \"clean\" array: not the JSON of `parity selftest --json`");
  EXPECT_EQ(load_error(std::string("{") + k_clean + R"(, "faults": [{"breaks": []}]})"),
            "faults[0] must be an object with a string \"name\"");
  EXPECT_EQ(
      load_error(std::string("{") + k_clean + R"(, "faults": [{"name": "a", "breaks": [1]}]})"),
      "faults[0].breaks must be an array of strings");
  TempDir dir;
  try {
    read_selftest_evidence(dir.path() + "/missing.json");
    ADD_FAILURE() << "a missing file must be an error";
  } catch (const LoadError& error) {
    EXPECT_NE(std::string(error.what()).find("missing.json: not a readable file"),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace parity::coverage
