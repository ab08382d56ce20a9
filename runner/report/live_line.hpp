#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>

namespace parity::report {

/// One status line at the bottom of a terminal, redrawn in place ("\r" + erase line) every
/// `period` from `status()`, and whenever text is printed above it. Only for terminals: the
/// caller decides (see terminal_style). Thread-safe.
class LiveLine {
 public:
  LiveLine(std::ostream& out,
           std::function<std::string()> status,
           std::chrono::milliseconds period = std::chrono::milliseconds(500));
  LiveLine(const LiveLine&) = delete;
  LiveLine& operator=(const LiveLine&) = delete;
  LiveLine(LiveLine&&) = delete;
  LiveLine& operator=(LiveLine&&) = delete;
  /// Stops, leaving no status line behind.
  ~LiveLine();

  /// Prints `text` (whole lines) where the status line was, then redraws it below.
  void print(std::string_view text);
  /// Redraws the status line now.
  void refresh();
  /// Erases the status line and stops redrawing; later calls to print() write plain text.
  void stop();

 private:
  void draw();   // m_mutex held
  void erase();  // m_mutex held

  std::ostream& m_out;
  std::function<std::string()> m_status;
  std::chrono::milliseconds m_period;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stopped = false;
  std::thread m_ticker;
};

}  // namespace parity::report
