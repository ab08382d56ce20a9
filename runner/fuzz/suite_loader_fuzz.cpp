// libFuzzer target: a suite file (YAML text) → load::load_suite (suites/README.md). Bad input
// must be a LoadError with a position; any other exception, crash or hang is a bug.

#include "core/errors.hpp"
#include "fuzz/fuzz_support.hpp"
#include "load/suite_loader.hpp"

#include <cstddef>
#include <cstdint>

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path =
      parity::fuzz::write_scratch_file("suite.yaml", parity::fuzz::as_text(data, size));
  try {
    const parity::Suite suite = parity::load::load_suite(path);
    (void)suite;
  } catch (const parity::LoadError&) {
    // Rejected input: the documented outcome.
  }
  return 0;
}
