#pragma once

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace parity::login {

/// A program parity started for a run (the WebDriver server and, through it, the browsers), in
/// a process group of its own whose id is the program's pid. Everything the program starts
/// stays in that group, so ending the group by its id ends them all. The group is registered
/// for the cleanup that runs on SIGINT, SIGTERM, SIGHUP, SIGQUIT and fatal signals and at
/// exit(), and the program gets SIGKILL should the thread that started it die first
/// (PR_SET_PDEATHSIG). Start it from a thread that outlives it.
class ChildProcess {
 public:
  /// Starts `argv` (argv[0] a path or a name looked up in PATH) with `extra_environment`
  /// ("NAME=value") added, stdin from /dev/null and stdout/stderr appended to `log_path`.
  /// Throws std::runtime_error when it cannot be started.
  ChildProcess(const std::vector<std::string>& argv,
               const std::vector<std::string>& extra_environment,
               const std::string& log_path);
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ChildProcess(ChildProcess&&) = delete;
  ChildProcess& operator=(ChildProcess&&) = delete;
  /// stop() with a short grace period.
  ~ChildProcess();

  pid_t pid() const { return m_pid; }
  /// Whether the program itself is still running (reaps it when it has exited).
  bool running();
  /// SIGTERM to the group, up to `grace` for the program to exit, then SIGKILL to the group;
  /// reaps the program and unregisters the group. Idempotent.
  void stop(std::chrono::milliseconds grace);

 private:
  pid_t m_pid = -1;
  bool m_reaped = false;
};

/// Sends SIGKILL to every registered process group and to every process whose environment
/// holds a registered marker. Async-signal-safe: a signal handler of parity that replaces the
/// ones install_process_cleanup() set calls this before the process ends.
void kill_registered_process_groups() noexcept;

/// Installs, once per process, the handlers that end the registered process groups on SIGINT,
/// SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGFPE and SIGILL and then let the
/// signal do what it did before (the earlier handler is called, or the default action taken),
/// and an atexit() hook that does the same at exit. A handler installed later that replaces
/// these must call kill_registered_process_groups() itself.
void install_process_cleanup();

/// The ids of the processes whose environment holds `entry` ("NAME=value"), from /proc:
/// what a program started under that marker left behind, even after it reparented itself.
std::vector<pid_t> processes_with_environment(const std::string& entry);

/// Registers a marker ("NAME=value", at most 127 bytes) whose processes the signal-time
/// cleanup ends too: processes that left their group still carry it.
void register_marker(const std::string& entry);
void unregister_marker(const std::string& entry);

/// Waits up to `grace` for the processes carrying `entry` to end, then sends SIGKILL to
/// those left (never to parity itself).
void end_marked_processes(const std::string& entry, std::chrono::milliseconds grace);

/// A TCP port on 127.0.0.1 that was free a moment ago (the kernel's choice of an ephemeral
/// port); throws std::runtime_error when no socket can be bound.
int free_loopback_port();

}  // namespace parity::login
