#include "login/marked_processes.hpp"

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <unistd.h>

namespace parity::login {

std::vector<pid_t> processes_with_environment(const std::string& entry) {
  std::vector<pid_t> found;
  std::error_code error;
  for (const auto& item : std::filesystem::directory_iterator("/proc", error)) {
    const std::string name = item.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    std::ifstream in(item.path() / "environ", std::ios::binary);
    const std::string environment((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    std::size_t start = 0;
    while (start < environment.size()) {
      const std::size_t end = environment.find('\0', start);
      const std::size_t length = (end == std::string::npos ? environment.size() : end) - start;
      if (environment.compare(start, length, entry) == 0) {
        found.push_back(static_cast<pid_t>(std::stol(name)));
        break;
      }
      start += length + 1;
    }
  }
  return found;
}

void end_marked_processes(const std::string& entry, std::chrono::milliseconds grace) {
  const auto deadline = std::chrono::steady_clock::now() + grace;
  std::vector<pid_t> left = processes_with_environment(entry);
  while (!left.empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    left = processes_with_environment(entry);
  }
  for (const pid_t pid : left) {
    if (pid != getpid()) {
      kill(pid, SIGKILL);
    }
  }
}

}  // namespace parity::login
