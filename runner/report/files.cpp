#include "report/files.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <string>
#include <system_error>
#include <unistd.h>

namespace parity::report {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, std::string_view what, int error) {
  throw std::runtime_error(path.string() + ": " + std::string(what) + ": " + std::strerror(error));
}

/// Returns a name in the directory of `path` that no other writer (thread or process) uses.
std::filesystem::path temp_path_for(const std::filesystem::path& path) {
  static std::atomic<unsigned> counter{0};
  std::filesystem::path temp = path;
  temp.replace_filename("." + path.filename().string() + ".tmp." + std::to_string(::getpid()) +
                        "." + std::to_string(counter.fetch_add(1)));
  return temp;
}

/// Writes all of `content` to `fd` and flushes it to disk; returns 0 or an errno value.
int write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      return errno;
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return ::fsync(fd) == 0 ? 0 : errno;
}

void create_parent(const std::filesystem::path& path) {
  const std::filesystem::path parent = path.parent_path();
  if (parent.empty()) {
    return;
  }
  std::error_code error;
  std::filesystem::create_directories(parent, error);
  if (error) {
    fail(path, "cannot create directory " + parent.string(), error.value());
  }
}

/// The first existing ancestor of `path` that is not a directory, if any.
std::filesystem::path blocking_file(const std::filesystem::path& path) {
  std::error_code error;
  for (std::filesystem::path at = path; !at.empty(); at = at.parent_path()) {
    if (std::filesystem::exists(at, error) && !std::filesystem::is_directory(at, error)) {
      return at;
    }
    if (at == at.parent_path()) {
      break;
    }
  }
  return {};
}

}  // namespace

std::string unwritable_reason(const std::filesystem::path& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return "it is a directory";
  }
  const std::filesystem::path parent =
      path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  if (const std::filesystem::path file = blocking_file(parent); !file.empty()) {
    return file == parent ? "its directory " + parent.string() + " is not a directory"
                          : file.string() + " is not a directory";
  }
  std::filesystem::create_directories(parent, error);
  if (error) {
    return "cannot create directory " + parent.string() + ": " + error.message();
  }
  const std::filesystem::path probe = temp_path_for(path);
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    return "cannot create files in " + parent.string() + ": " + std::strerror(errno);
  }
  ::close(fd);
  ::unlink(probe.c_str());
  return "";
}

void write_text_atomic(const std::filesystem::path& path, std::string_view content) {
  create_parent(path);
  const std::filesystem::path temp = temp_path_for(path);
  // 0666 minus the umask, like any other file the user creates (mkstemp would force 0600).
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    fail(path, "cannot create temporary file", errno);
  }
  int error = write_all(fd, content);
  if (::close(fd) != 0 && error == 0) {
    error = errno;
  }
  if (error == 0 && ::rename(temp.c_str(), path.c_str()) != 0) {
    error = errno;
  }
  if (error != 0) {
    ::unlink(temp.c_str());
    fail(path, "cannot write", error);
  }
}

}  // namespace parity::report
