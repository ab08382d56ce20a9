#include "login/process_cleanup.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <string_view>
#include <sys/syscall.h>
#include <unistd.h>

namespace parity::login {
namespace {

// Process groups to end on a signal or at exit; 0 is a free slot. Lock-free so that a
// signal handler can read it.
std::array<std::atomic<pid_t>, 64> g_groups{};

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

}  // namespace

void register_process_group(pid_t group) {
  for (auto& slot : g_groups) {
    pid_t expected = 0;
    if (slot.compare_exchange_strong(expected, group)) {
      return;
    }
  }
}

void unregister_process_group(pid_t group) {
  for (auto& slot : g_groups) {
    pid_t expected = group;
    if (slot.compare_exchange_strong(expected, 0)) {
      return;
    }
  }
}

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

}  // namespace parity::login
