// watchdog.cpp — sd_notify wrapper; a no-op outside systemd (no NOTIFY_SOCKET).
#include "kiosk/host/watchdog.hpp"

#include <cstdlib>
#include <string>

#if BK_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace bk::kiosk::host {

namespace {
// sd_notify messages are newline-separated assignments: keep a status text on one line.
std::string one_line(std::string_view s) {
  std::string out(s.substr(0, 512));
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}
} // namespace

Watchdog::Watchdog() {
  const char* sock = std::getenv("NOTIFY_SOCKET");
  active_ = sock && *sock;
#if BK_HAVE_SYSTEMD
  std::uint64_t usec = 0;
  // > 0 when WATCHDOG_USEC is set (and WATCHDOG_PID, if set, is ours). Keep the environment.
  if (active_ && sd_watchdog_enabled(0, &usec) > 0 && usec > 0) interval_ = std::chrono::microseconds(usec);
#else
  active_ = false;  // built without libsystemd: always a no-op
#endif
}

bool Watchdog::send(std::string_view message) {
  if (!active_) return false;
#if BK_HAVE_SYSTEMD
  const std::string m(message);
  if (sd_notify(0, m.c_str()) > 0) {
    ++sent_;
    return true;
  }
#endif
  return false;
}

bool Watchdog::ready(std::string_view status_text) {
  std::string m = "READY=1";
  if (!status_text.empty()) m += "\nSTATUS=" + one_line(status_text);
  return send(m);
}

bool Watchdog::status(std::string_view status_text) { return send("STATUS=" + one_line(status_text)); }

bool Watchdog::tick(Clock::time_point now) {
  if (!active_ || !interval_) return false;
  if (last_ping_ && now - *last_ping_ < *interval_ / 2) return false;
  last_ping_ = now;
  return send("WATCHDOG=1");
}

bool Watchdog::stopping() { return send("STOPPING=1"); }

} // namespace bk::kiosk::host
