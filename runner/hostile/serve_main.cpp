// parity_hostile_serve: runs the hostile server (runner/hostile/README.md) until SIGINT or
// SIGTERM, for scripts that drive a whole `parity run` against one misbehaviour
// (runner/scripts/bench-oversized.sh). Prints "http://127.0.0.1:<port>" on the first line of
// stdout. Test-only: built with the tests, never installed.
#include "hostile/hostile_server.hpp"

#include <csignal>
#include <iostream>

int main() {
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  // Blocked before the server starts its threads, so that they inherit the mask and only
  // sigwait below receives the signal.
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  const parity::hostile::HostileServer server;
  std::cout << server.base_url() << std::endl;
  int received = 0;
  sigwait(&stop, &received);
  return 0;
}
