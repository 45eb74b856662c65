// watchdog.hpp — systemd integration: READY=1, WATCHDOG=1 keep-alives and STATUS= lines.
//
// What: thin wrapper over libsystemd's sd_notify(). When the process is not started by systemd
// (no NOTIFY_SOCKET) every call is a cheap no-op. With WatchdogSec= in the unit, sd_watchdog_enabled()
// gives WATCHDOG_USEC and tick() sends WATCHDOG=1 at half that interval — call it from the main
// loop, so a hung UI thread stops the pings and systemd restarts the kiosk.
//
// Minimal use (main thread):
//     host::Watchdog wd;                       // reads NOTIFY_SOCKET / WATCHDOG_USEC once
//     ... after the first frame is on screen:  wd.ready("showing map");
//     every frame (and at least every second while idle):  wd.tick(steady_now);
//     on feed updates:  wd.status("feeds updated 14:02");   at exit: wd.stopping();
//
// Limits: keep the main loop waking at least every watchdog_interval()/2 (SDL_WaitEventTimeout).
// Thread: not synchronised; call from the main thread (that is the thread the watchdog guards).
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace bk::kiosk::host {

class Watchdog {
public:
  using Clock = std::chrono::steady_clock;

  /// Reads the environment (NOTIFY_SOCKET, WATCHDOG_USEC/WATCHDOG_PID) at construction.
  Watchdog();

  /// True when a notification socket is configured (running under systemd Type=notify).
  bool active() const { return active_; }
  /// WatchdogSec interval if the service manager expects pings.
  std::optional<std::chrono::microseconds> watchdog_interval() const { return interval_; }

  /// Send READY=1 (+ STATUS=text when not empty). Returns true when a message was sent.
  bool ready(std::string_view status_text = {});
  /// Send STATUS=text.
  bool status(std::string_view status_text);
  /// Send WATCHDOG=1 if half the interval passed since the last ping. Returns true when sent.
  bool tick(Clock::time_point now);
  /// Send STOPPING=1.
  bool stopping();

  /// Number of messages successfully sent (for tests/diagnostics).
  int sent_count() const { return sent_; }

private:
  bool send(std::string_view message);
  bool active_ = false;
  std::optional<std::chrono::microseconds> interval_;
  std::optional<Clock::time_point> last_ping_;
  int sent_ = 0;
};

} // namespace bk::kiosk::host
