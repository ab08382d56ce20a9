#pragma once

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace parity::login {

/// The ids of the processes whose environment holds `entry` ("NAME=value"), from /proc:
/// what a program started under that marker left behind, even after it reparented itself.
std::vector<pid_t> processes_with_environment(const std::string& entry);

/// Waits up to `grace` for the processes carrying `entry` to end, then sends SIGKILL to
/// those left (never to parity itself).
void end_marked_processes(const std::string& entry, std::chrono::milliseconds grace);

}  // namespace parity::login
