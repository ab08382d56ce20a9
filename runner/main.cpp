#include "cli/app.hpp"

int main(int argc, char** argv) {
  return parity::cli::run_cli(argc, argv);
}
