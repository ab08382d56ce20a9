#include "report/terminal.hpp"

#include <cstdlib>
#include <string>
#include <sys/ioctl.h>
#include <unistd.h>

namespace parity::report {

TerminalStyle terminal_style(const TerminalEnvironment& environment, bool no_color_flag) {
  const bool dumb = environment.term != nullptr && std::string_view(environment.term) == "dumb";
  const bool no_color_env =
      environment.no_color != nullptr && environment.no_color[0] != '\0';  // no-color.org
  TerminalStyle style;
  style.live = environment.is_tty && !dumb;
  style.color = environment.is_tty && !dumb && !no_color_env && !no_color_flag;
  style.width = environment.columns >= 20 ? environment.columns : 80;
  return style;
}

TerminalEnvironment current_environment(int fd) {
  TerminalEnvironment environment;
  environment.is_tty = ::isatty(fd) == 1;
  environment.no_color = std::getenv("NO_COLOR");  // NOLINT(concurrency-mt-unsafe): read once
  environment.term = std::getenv("TERM");          // NOLINT(concurrency-mt-unsafe)
  winsize size{};
  if (environment.is_tty && ::ioctl(fd, TIOCGWINSZ, &size) == 0) {  // NOLINT(*-vararg)
    environment.columns = size.ws_col;
  }
  return environment;
}

}  // namespace parity::report
