#pragma once

#include <cstddef>
#include <string_view>

namespace parity::report {

/// How the console may be written to.
struct TerminalStyle {
  bool color = false;      ///< ANSI colours
  bool live = false;       ///< a status line redrawn in place (a terminal that understands \r and
                           ///< erase-line); otherwise plain lines, one per event
  std::size_t width = 80;  ///< columns, for the live line
};

/// The environment that decides the style, read once (tests pass their own).
struct TerminalEnvironment {
  bool is_tty = false;
  const char* no_color = nullptr;  ///< $NO_COLOR
  const char* term = nullptr;      ///< $TERM
  std::size_t columns = 0;         ///< 0: unknown
};

/// Decides the style: colour unless `no_color_flag`, a non-empty NO_COLOR (no-color.org),
/// TERM=dumb or no terminal; a live line only on a terminal whose TERM is not dumb.
TerminalStyle terminal_style(const TerminalEnvironment& environment, bool no_color_flag);

/// The environment of file descriptor `fd` (isatty, its width) and of this process.
TerminalEnvironment current_environment(int fd);

}  // namespace parity::report
