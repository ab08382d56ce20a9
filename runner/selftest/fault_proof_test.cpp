#include "selftest/fault_proof.hpp"

#include "core/build_info.hpp"
#include "load/profile_loader.hpp"
#include "load/suite_loader.hpp"
#include "server/faults.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace parity::selftest {
namespace {

const std::string k_proofs = parity::build_info::fixture_path("reference/fault_proofs.yaml");

const std::vector<Suite>& suites() {
  static const std::vector<Suite> loaded =
      load::load_suites({parity::build_info::source_path("suites")});
  return loaded;
}

/// Proves one fault: the clean server passes its cases, the faulty one is caught.
class FaultProofTest : public testing::Test {
 public:
  explicit FaultProofTest(FaultProof proof) : m_proof(std::move(proof)) {}
  void TestBody() override {
    const Profile profile = load::load_profile(parity::build_info::source_path("profiles/") +
                                               m_proof.profile + ".yaml");
    const ProofResult result = prove_fault(m_proof, profile, suites());
    EXPECT_TRUE(result.proven()) << result.explain();
  }

 private:
  FaultProof m_proof;
};

TEST(FaultProofTableTest, EveryCatalogueFaultHasAProof) {
  std::set<std::string> proven;
  for (const FaultProof& proof : load_fault_proofs(k_proofs)) {
    proven.insert(proof.fault);
  }
  for (const server::FaultInfo& fault : server::fault_catalogue()) {
    EXPECT_TRUE(proven.count(fault.name) == 1) << "no proof row for fault " << fault.name;
  }
}

void register_fault_proofs() {
  for (const FaultProof& proof : load_fault_proofs(k_proofs)) {
    // gtest filters treat '-' as the start of negative patterns: keep names to [A-Za-z0-9_].
    std::string name = proof.fault;
    if (proof.profile != "reference") {
      name += "_with_" + proof.profile;
    }
    std::replace(name.begin(), name.end(), '-', '_');
    testing::RegisterTest("FaultProof",
                          name.c_str(),
                          nullptr,
                          nullptr,
                          __FILE__,
                          __LINE__,
                          [proof]() -> testing::Test* { return new FaultProofTest(proof); });
  }
}

}  // namespace
}  // namespace parity::selftest

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  parity::selftest::register_fault_proofs();
  return RUN_ALL_TESTS();
}
