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

}  // namespace parity::login
