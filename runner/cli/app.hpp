#pragma once

namespace parity::cli {

/// Parses the command line and runs the chosen subcommand; returns the process exit code.
/// LoadError and UsageError are caught here (and only here) and turned into exit codes.
int run_cli(int argc, char** argv);

}  // namespace parity::cli
