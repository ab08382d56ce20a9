#include "cli/commands.hpp"
#include "core/errors.hpp"
#include "server/config.hpp"
#include "server/faults.hpp"
#include "server/reference_server.hpp"
#include "target/target.hpp"

#include <csignal>
#include <iostream>

namespace parity::cli {

int serve_command(const ServeOptions& options) {
  const std::string path =
      options.config.empty() ? default_path("fixtures/reference/default.yaml") : options.config;
  server::ServerConfig config = server::load_server_config(path);
  target::check_faults(options.faults);
  config.faults.insert(options.faults.begin(), options.faults.end());
  // Block the stop signals before any server thread starts, so that only sigwait sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  server::ReferenceServer reference(config);
  reference.start(options.port);
  std::cout << "parity reference server (" << path << ")\n"
            << "issuer:   " << reference.base_url() << "\n"
            << "metadata: " << reference.base_url() << "/.well-known/oauth-authorization-server\n";
  if (!config.emulation.label.empty()) {
    std::cout << "emulates: " << config.emulation.label << "\n";
  }
  if (config.tls) {
    std::cout << "tls:      " << config.tls->cert_file
              << " (clients must trust its CA, e.g. fixtures/tls/ca.pem)\n";
  }
  for (const std::string& fault : config.faults) {
    std::cout << "FAULT ON: " << fault << " (this server is deliberately non-conformant)\n";
  }
  std::cout << "ready on " << reference.base_url() << std::endl;
  int received = 0;
  sigwait(&stop_signals, &received);
  reference.stop();
  std::cout << "stopped\n";
  return 0;
}

int faults_command() {
  for (const server::FaultInfo& fault : server::fault_catalogue()) {
    std::string breaks;
    for (const std::string& ref : fault.breaks) {
      breaks += (breaks.empty() ? "" : ", ") + ref;
    }
    std::cout << fault.name << "\n    breaks " << breaks << ": " << fault.description << "\n";
  }
  std::cout << server::fault_catalogue().size() << " faults\n";
  return 0;
}

}  // namespace parity::cli
