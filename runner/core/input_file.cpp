#include "core/input_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace parity {
namespace {

/// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : m_fd(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  FileDescriptor(FileDescriptor&&) = delete;
  FileDescriptor& operator=(FileDescriptor&&) = delete;
  ~FileDescriptor() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  int get() const { return m_fd; }

 private:
  int m_fd;
};

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) {
    return "a directory";
  }
  if (S_ISFIFO(mode)) {
    return "a FIFO";
  }
  if (S_ISCHR(mode)) {
    return "a character device";
  }
  if (S_ISBLK(mode)) {
    return "a block device";
  }
  if (S_ISSOCK(mode)) {
    return "a socket";
  }
  return "not a file";
}

[[noreturn]] void throw_errno(int error) {
  if (error == ENOENT || error == ENOTDIR) {
    throw InputFileError("file not found");
  }
  throw InputFileError(std::string("cannot read: ") + std::strerror(error));
}

void check_status(const struct stat& status, std::size_t max_bytes) {
  if (!S_ISREG(status.st_mode)) {
    throw InputFileError("not a regular file (" + kind_of(status.st_mode) + ")");
  }
  if (static_cast<std::size_t>(status.st_size) > max_bytes) {
    throw InputFileError("larger than " + describe_size(max_bytes) + " (" +
                         std::to_string(status.st_size) + " bytes)");
  }
}

}  // namespace

std::string read_input_file(const std::string& path, std::size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) {
    throw_errno(errno);
  }
  struct stat status {};
  if (::fstat(fd.get(), &status) != 0) {
    throw_errno(errno);
  }
  check_status(status, max_bytes);
  // One byte more than the file had: reading it shows the file grew since fstat.
  std::string content(static_cast<std::size_t>(status.st_size) + 1, '\0');
  std::size_t used = 0;
  while (used < content.size()) {
    const ssize_t got = ::read(fd.get(), content.data() + used, content.size() - used);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      throw_errno(errno);
    }
    if (got == 0) {
      break;
    }
    used += static_cast<std::size_t>(got);
    if (used == content.size()) {
      if (used > max_bytes) {
        throw InputFileError("larger than " + describe_size(max_bytes) + " (it grew while read)");
      }
      content.resize(std::min(max_bytes + 1, used * 2));
    }
  }
  content.resize(used);
  return content;
}

void check_input_file(const std::string& path, std::size_t max_bytes) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) {
    throw_errno(errno);
  }
  check_status(status, max_bytes);
}

std::string describe_size(std::size_t bytes) {
  constexpr std::size_t k_kib = 1024;
  if (bytes >= k_kib * k_kib && bytes % (k_kib * k_kib) == 0) {
    return std::to_string(bytes / (k_kib * k_kib)) + " MiB";
  }
  if (bytes >= k_kib && bytes % k_kib == 0) {
    return std::to_string(bytes / k_kib) + " KiB";
  }
  return std::to_string(bytes) + " bytes";
}

}  // namespace parity
