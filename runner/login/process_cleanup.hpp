#pragma once

#include <string>
#include <sys/types.h>

namespace parity::login {

/// Registers the process group `group` (a ChildProcess's) for the cleanup below; at most 64
/// groups at a time.
void register_process_group(pid_t group);
/// Removes `group` from the cleanup (it has been ended).
void unregister_process_group(pid_t group);

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

/// Registers a marker ("NAME=value", at most 127 bytes) whose processes the signal-time
/// cleanup ends too: processes that left their group still carry it.
void register_marker(const std::string& entry);
void unregister_marker(const std::string& entry);

}  // namespace parity::login
