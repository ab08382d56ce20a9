#include "report/files.hpp"

#include "report/test_results.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <unistd.h>

namespace parity::report {
namespace {

using test_support::read_file;
using test_support::TempDir;

std::size_t entries(const std::filesystem::path& dir) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) {
    ++count;
  }
  return count;
}

TEST(FilesTest, WritesContentAndLeavesNoTemporaryFile) {
  const TempDir dir;
  const std::filesystem::path file = dir.path() / "report.xml";
  write_text_atomic(file, std::string("a\0b\n", 4));
  EXPECT_EQ(read_file(file), std::string("a\0b\n", 4));
  EXPECT_EQ(entries(dir.path()), 1U);
}

TEST(FilesTest, OverwritesExistingFile) {
  const TempDir dir;
  const std::filesystem::path file = dir.path() / "report.json";
  write_text_atomic(file, "first, and longer than the second");
  write_text_atomic(file, "second");
  EXPECT_EQ(read_file(file), "second");
  EXPECT_EQ(entries(dir.path()), 1U);
}

TEST(FilesTest, CreatesParentDirectories) {
  const TempDir dir;
  const std::filesystem::path file = dir.path() / "reports" / "nested" / "okta.junit.xml";
  write_text_atomic(file, "<x/>");
  EXPECT_EQ(read_file(file), "<x/>");
}

TEST(FilesTest, FailureNamesPathAndReasonAndCleansUp) {
  const TempDir dir;
  const std::filesystem::path target = dir.path() / "existing-dir";
  std::filesystem::create_directories(target / "child");
  try {
    write_text_atomic(target, "content");
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.rfind(target.string() + ": cannot write: ", 0), 0U) << message;
    EXPECT_NE(message.find("Is a directory"), std::string::npos) << message;
  }
  EXPECT_EQ(entries(dir.path()), 1U);  // no temporary file left behind
}

TEST(FilesTest, ParentThatIsAFileIsReported) {
  const TempDir dir;
  write_text_atomic(dir.path() / "plain", "x");
  const std::filesystem::path file = dir.path() / "plain" / "report.xml";
  try {
    write_text_atomic(file, "content");
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.rfind(file.string() + ": cannot create directory ", 0), 0U) << message;
  }
}

TEST(FilesTest, UnwritableReasonNamesWhatIsInTheWay) {
  const TempDir dir;
  write_text_atomic(dir.path() / "plain", "x");
  // --out naming a regular file: its reports would go under a file.
  EXPECT_EQ(unwritable_reason(dir.path() / "plain" / "reference.json"),
            "its directory " + (dir.path() / "plain").string() + " is not a directory");
  EXPECT_EQ(unwritable_reason(dir.path() / "plain" / "deeper" / "reference.json"),
            (dir.path() / "plain").string() + " is not a directory");
  // A report path that is a directory.
  std::filesystem::create_directories(dir.path() / "taken.json");
  EXPECT_EQ(unwritable_reason(dir.path() / "taken.json"), "it is a directory");
  // Missing directories are created, and nothing is left behind.
  EXPECT_EQ(unwritable_reason(dir.path() / "new" / "sub" / "reference.json"), "");
  EXPECT_TRUE(std::filesystem::is_directory(dir.path() / "new" / "sub"));
  EXPECT_EQ(entries(dir.path() / "new" / "sub"), 0U);
}

TEST(FilesTest, UnwritableReasonSeesAReadOnlyDirectory) {
  if (::geteuid() == 0) {
    GTEST_SKIP() << "root writes into read-only directories";
  }
  const TempDir dir;
  const std::filesystem::path locked = dir.path() / "locked";
  std::filesystem::create_directories(locked);
  std::filesystem::permissions(
      locked, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  const std::string reason = unwritable_reason(locked / "reference.json");
  std::filesystem::permissions(locked, std::filesystem::perms::owner_all);
  EXPECT_EQ(reason.rfind("cannot create files in " + locked.string() + ": ", 0), 0U) << reason;
  EXPECT_NE(reason.find("Permission denied"), std::string::npos) << reason;
}

}  // namespace
}  // namespace parity::report
