#include "login/child_process.hpp"

#include "login/process_cleanup.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX, not in a header

namespace parity::login {
namespace {

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
  register_process_group(pid);
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
  unregister_process_group(m_pid);
  m_pid = -1;
}

}  // namespace parity::login
