#include "core/input_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace parity {
namespace {

namespace fs = std::filesystem;

class InputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("parity-input-file-" + std::to_string(::getpid()));
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  std::string write(const std::string& name, const std::string& content) const {
    const fs::path path = m_dir / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  static std::string error_of(const std::string& path, std::size_t cap) {
    try {
      read_input_file(path, cap);
    } catch (const InputFileError& error) {
      return error.what();
    }
    return "";
  }

  fs::path m_dir;
};

TEST_F(InputFileTest, ReadsARegularFileUpToItsCap) {
  EXPECT_EQ(read_input_file(write("a.yaml", "id: x\n"), 6), "id: x\n");
  EXPECT_EQ(read_input_file(write("empty.yaml", ""), 6), "");
}

TEST_F(InputFileTest, RefusesAFileOverItsCap) {
  const std::string path = write("big.yaml", std::string(2049, 'x'));
  EXPECT_EQ(error_of(path, 2048), "larger than 2 KiB (2049 bytes)");
  EXPECT_THROW(check_input_file(path, 2048), InputFileError);
  EXPECT_NO_THROW(check_input_file(path, 4096));
}

TEST_F(InputFileTest, RefusesWhatIsNotARegularFile) {
  EXPECT_EQ(error_of(m_dir.string(), 1024), "not a regular file (a directory)");
  EXPECT_EQ(error_of("/dev/zero", 1024), "not a regular file (a character device)");
  const std::string fifo = (m_dir / "fifo").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(error_of(fifo, 1024), "not a regular file (a FIFO)");  // and does not block
  EXPECT_EQ(error_of((m_dir / "missing").string(), 1024), "file not found");
}

TEST_F(InputFileTest, FollowsSymbolicLinksToRegularFiles) {
  const std::string target = write("target.pem", "pem");
  const fs::path link = m_dir / "link.pem";
  fs::create_symlink(target, link);
  EXPECT_EQ(read_input_file(link.string(), 16), "pem");
}

TEST(DescribeSizeTest, NamesCapsInTheirUnit) {
  EXPECT_EQ(describe_size(std::size_t{8} << 20), "8 MiB");
  EXPECT_EQ(describe_size(2048), "2 KiB");
  EXPECT_EQ(describe_size(100), "100 bytes");
}

}  // namespace
}  // namespace parity
