// libFuzzer target: a profile file (YAML text) → load::load_profile (profiles/README.md). Bad
// input must be a LoadError with a position; any other exception, crash or hang is a bug.

#include "core/errors.hpp"
#include "fuzz/fuzz_support.hpp"
#include "load/profile_loader.hpp"

#include <cstddef>
#include <cstdint>

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path =
      parity::fuzz::write_scratch_file("profile.yaml", parity::fuzz::as_text(data, size));
  try {
    const parity::Profile profile = parity::load::load_profile(path);
    (void)profile;
  } catch (const parity::LoadError&) {
    // Rejected input: the documented outcome.
  }
  return 0;
}
