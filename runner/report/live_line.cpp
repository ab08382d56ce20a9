#include "report/live_line.hpp"

namespace parity::report {
namespace {

constexpr std::string_view k_erase_line = "\r\033[K";

}  // namespace

LiveLine::LiveLine(std::ostream& out,
                   std::function<std::string()> status,
                   std::chrono::milliseconds period)
    : m_out(out), m_status(std::move(status)), m_period(period) {
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    draw();
  }
  m_ticker = std::thread([this] {
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_wake.wait_for(lock, m_period, [this] { return m_stopped; })) {
      draw();
    }
  });
}

LiveLine::~LiveLine() {
  stop();
}

void LiveLine::print(std::string_view text) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  if (m_stopped) {
    m_out << text;
    m_out.flush();
    return;
  }
  erase();
  m_out << text;
  draw();
}

void LiveLine::refresh() {
  const std::lock_guard<std::mutex> lock(m_mutex);
  if (!m_stopped) {
    draw();
  }
}

void LiveLine::stop() {
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (m_stopped) {
      return;
    }
    m_stopped = true;
    erase();
    m_out.flush();
  }
  m_wake.notify_all();
  if (m_ticker.joinable()) {
    m_ticker.join();
  }
}

void LiveLine::draw() {
  m_out << k_erase_line << m_status();
  m_out.flush();
}

void LiveLine::erase() {
  m_out << k_erase_line;
}

}  // namespace parity::report
