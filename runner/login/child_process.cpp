#include "login/child_process.hpp"

#include <arpa/inet.h>
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <netinet/in.h>
#include <stdexcept>
#include <string_view>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX, not in a header

namespace parity::login {
namespace {

// Process groups to end on a signal or at exit; 0 is a free slot. Lock-free so that a
// signal handler can read it.
std::array<std::atomic<pid_t>, 64> g_groups{};

void register_group(pid_t group) {
  for (auto& slot : g_groups) {
    pid_t expected = 0;
    if (slot.compare_exchange_strong(expected, group)) {
      return;
    }
  }
}

void unregister_group(pid_t group) {
  for (auto& slot : g_groups) {
    pid_t expected = group;
    if (slot.compare_exchange_strong(expected, 0)) {
      return;
    }
  }
}

// Markers ("NAME=value") of the processes to end; an empty string is a free slot. A slot is
// written only while its `used` flag is claimed and before `ready` is set.
struct MarkerSlot {
  std::atomic<bool> used{false};
  std::atomic<bool> ready{false};
  std::array<char, 128> text{};
};
std::array<MarkerSlot, 8> g_markers{};

// Async-signal-safe: whether the NUL-separated `environment` holds `entry` (NUL-terminated).
bool environment_holds(const char* environment, std::size_t size, const char* entry) {
  std::size_t start = 0;
  while (start < size) {
    std::size_t i = 0;
    while (entry[i] != '\0' && start + i < size && environment[start + i] == entry[i]) {
      ++i;
    }
    if (entry[i] == '\0' && (start + i == size || environment[start + i] == '\0')) {
      return true;
    }
    while (start < size && environment[start] != '\0') {
      ++start;
    }
    ++start;
  }
  return false;
}

// Async-signal-safe (open, read, getdents64, kill): SIGKILL to every process whose
// environment holds a registered marker.
void kill_marked_processes() noexcept {
  static std::array<char, 1U << 16U> environment{};
  static std::array<char, 8192> entries{};
  const pid_t self = getpid();
  const int proc = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (proc < 0) {
    return;
  }
  while (true) {
    const long got = syscall(SYS_getdents64, proc, entries.data(), entries.size());
    if (got <= 0) {
      break;
    }
    for (long offset = 0; offset < got;) {
      // struct linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
      unsigned short length = 0;
      std::memcpy(&length, entries.data() + offset + 16, sizeof length);
      const char* name = entries.data() + offset + 19;
      offset += length;
      pid_t pid = 0;
      bool numeric = name[0] != '\0';
      for (const char* c = name; *c != '\0'; ++c) {
        numeric = numeric && *c >= '0' && *c <= '9';
        pid = pid * 10 + (*c - '0');
      }
      if (!numeric || pid == self) {
        continue;
      }
      constexpr std::string_view k_proc = "/proc/";
      constexpr std::string_view k_environ = "/environ";
      std::array<char, 48> path{};
      std::size_t at = 0;
      for (const char c : k_proc) {
        path[at++] = c;
      }
      for (const char* c = name; *c != '\0' && at < 32; ++c) {
        path[at++] = *c;
      }
      for (const char c : k_environ) {
        path[at++] = c;
      }
      path[at] = '\0';
      const int fd = open(path.data(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        continue;
      }
      const ssize_t size = read(fd, environment.data(), environment.size());
      close(fd);
      if (size <= 0) {
        continue;
      }
      for (const MarkerSlot& slot : g_markers) {
        if (slot.ready.load() &&
            environment_holds(
                environment.data(), static_cast<std::size_t>(size), slot.text.data())) {
          kill(pid, SIGKILL);
          break;
        }
      }
    }
  }
  close(proc);
}

constexpr std::array<int, 9> k_cleanup_signals{
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL};
std::array<struct sigaction, k_cleanup_signals.size()> g_previous{};

void on_signal(int signal_number, siginfo_t* info, void* context) {
  kill_registered_process_groups();
  for (std::size_t i = 0; i < k_cleanup_signals.size(); ++i) {
    if (k_cleanup_signals[i] != signal_number) {
      continue;
    }
    const struct sigaction& previous = g_previous[i];
    if ((previous.sa_flags & SA_SIGINFO) != 0 && previous.sa_sigaction != nullptr) {
      previous.sa_sigaction(signal_number, info, context);
    } else if (previous.sa_handler == SIG_IGN) {
      return;
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != nullptr) {
      previous.sa_handler(signal_number);
    } else {
      // The default action: restore it and deliver the signal again once this handler returns.
      sigaction(signal_number, &previous, nullptr);
      raise(signal_number);
    }
    return;
  }
}

void at_exit() {
  kill_registered_process_groups();
}

struct Argv {
  std::vector<std::string> strings;
  std::vector<char*> pointers;
  explicit Argv(std::vector<std::string> values) : strings(std::move(values)) {
    for (std::string& value : strings) {
      pointers.push_back(value.data());
    }
    pointers.push_back(nullptr);
  }
};

// In the child between fork and exec: async-signal-safe calls only.
[[noreturn]] void exec_child(
    const Argv& argv, const Argv& environment, int log_fd, int status_fd, pid_t parent) {
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) {
    _exit(127);  // the parent is already gone
  }
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE}) {
    signal(signal_number, SIG_DFL);
  }
  const int null_fd = open("/dev/null", O_RDONLY);
  if (null_fd >= 0) {
    dup2(null_fd, STDIN_FILENO);
  }
  dup2(log_fd, STDOUT_FILENO);
  dup2(log_fd, STDERR_FILENO);
  execvpe(argv.pointers[0], argv.pointers.data(), environment.pointers.data());
  const int error = errno;
  static_cast<void>(write(status_fd, &error, sizeof error));
  _exit(127);
}

}  // namespace

void kill_registered_process_groups() noexcept {
  for (auto& slot : g_groups) {
    const pid_t group = slot.load();
    if (group > 0) {
      kill(-group, SIGKILL);
    }
  }
  kill_marked_processes();
}

void install_process_cleanup() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (std::size_t i = 0; i < k_cleanup_signals.size(); ++i) {
      struct sigaction action {};
      action.sa_sigaction = &on_signal;
      action.sa_flags = SA_SIGINFO;
      sigemptyset(&action.sa_mask);
      sigaction(k_cleanup_signals[i], &action, &g_previous[i]);
    }
    std::atexit(&at_exit);
  });
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv,
                           const std::vector<std::string>& extra_environment,
                           const std::string& log_path) {
  if (argv.empty()) {
    throw std::runtime_error("no program to start");
  }
  install_process_cleanup();
  std::vector<std::string> environment;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    environment.emplace_back(*entry);
  }
  environment.insert(environment.end(), extra_environment.begin(), extra_environment.end());
  const Argv child_argv(argv);
  const Argv child_environment(std::move(environment));
  const int log_fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (log_fd < 0) {
    throw std::runtime_error("cannot write " + log_path + ": " + std::strerror(errno));
  }
  std::array<int, 2> status_pipe{};
  if (pipe2(status_pipe.data(), O_CLOEXEC) != 0) {
    close(log_fd);
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  }
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid == 0) {
    close(status_pipe[0]);
    exec_child(child_argv, child_environment, log_fd, status_pipe[1], parent);
  }
  close(log_fd);
  close(status_pipe[1]);
  if (pid < 0) {
    close(status_pipe[0]);
    throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  }
  setpgid(pid, pid);
  register_group(pid);
  m_pid = pid;
  int exec_error = 0;
  ssize_t got = 0;
  do {
    got = read(status_pipe[0], &exec_error, sizeof exec_error);
  } while (got < 0 && errno == EINTR);
  close(status_pipe[0]);
  if (got == static_cast<ssize_t>(sizeof exec_error)) {
    stop(std::chrono::milliseconds(0));
    throw std::runtime_error("cannot run " + argv[0] + ": " + std::strerror(exec_error));
  }
}

ChildProcess::~ChildProcess() {
  try {
    stop(std::chrono::milliseconds(2000));
  } catch (...) {  // NOLINT(bugprone-empty-catch): the group is killed at exit() all the same
  }
}

bool ChildProcess::running() {
  if (m_pid <= 0 || m_reaped) {
    return false;
  }
  int status = 0;
  const pid_t done = waitpid(m_pid, &status, WNOHANG);
  if (done == m_pid || (done < 0 && errno == ECHILD)) {
    m_reaped = true;
  }
  return !m_reaped;
}

void ChildProcess::stop(std::chrono::milliseconds grace) {
  if (m_pid <= 0) {
    return;
  }
  kill(-m_pid, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + grace;
  while (running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  // The program, and whatever it started in its group (the browsers).
  kill(-m_pid, SIGKILL);
  if (!m_reaped) {
    int status = 0;
    while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
    m_reaped = true;
  }
  unregister_group(m_pid);
  m_pid = -1;
}

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

void register_marker(const std::string& entry) {
  if (entry.empty() || entry.size() >= g_markers[0].text.size()) {
    return;
  }
  for (MarkerSlot& slot : g_markers) {
    bool expected = false;
    if (slot.used.compare_exchange_strong(expected, true)) {
      std::copy(entry.begin(), entry.end(), slot.text.begin());
      slot.text[entry.size()] = '\0';
      slot.ready.store(true);
      return;
    }
  }
}

void unregister_marker(const std::string& entry) {
  for (MarkerSlot& slot : g_markers) {
    if (slot.ready.load() && entry == slot.text.data()) {
      slot.ready.store(false);
      slot.used.store(false);
      return;
    }
  }
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

int free_loopback_port() {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  }
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the BSD socket API
  auto* generic = reinterpret_cast<sockaddr*>(&address);
  if (bind(fd, generic, sizeof address) != 0 || getsockname(fd, generic, &length) != 0) {
    const int error = errno;
    close(fd);
    throw std::runtime_error(std::string("cannot bind 127.0.0.1: ") + std::strerror(error));
  }
  close(fd);
  return ntohs(address.sin_port);
}

}  // namespace parity::login
