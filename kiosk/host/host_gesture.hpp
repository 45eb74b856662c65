// host_gesture.hpp — the hidden host gesture and the kiosk-mode quit policy.
//
// What: HostGesture recognises a long press (>= 3 s, finger moving no more than 20 px) that starts
// in the top-left corner (96x96 px) from abstract touch events; the kiosk then opens the PIN pad.
// There is deliberately no keyboard combination that leaves kiosk mode. KioskGuard answers, for
// each window/keyboard event kind the kiosk maps from SDL, whether the app should quit/act on it.
//
// Minimal use (main thread):
//     host::HostGesture gesture;                 // or HostGestureConfig{...} scaled to the display
//     on SDL_FINGERDOWN/MOTION/UP or mouse:  if (gesture.on_touch({TouchPhase::down, x_px, y_px, now, id})) open_pin_pad();
//     every frame:                           if (gesture.update(now)) open_pin_pad();   // fires while held
//     host::KioskGuard guard{settings.kiosk_mode};
//     on SDL_QUIT:                           if (guard.should_quit(QuitEventKind::quit_request)) running = false;
//
// Limits: one finger at a time; a second finger (different id) cancels the press. Fires at most
// once per press. Coordinates are window pixels (origin top-left).
// Thread: not synchronised; main thread only.
#pragma once

#include <chrono>
#include <cstdint>

namespace bk::kiosk::host {

enum class TouchPhase { down, move, up, cancel };

struct TouchEvent {
  TouchPhase phase = TouchPhase::down;
  float x_px = 0;
  float y_px = 0;
  std::chrono::steady_clock::time_point time{};
  std::int64_t finger_id = 0;  ///< SDL fingerId, or -1 for the mouse
};

struct HostGestureConfig {
  float corner_w_px = 96;
  float corner_h_px = 96;
  std::chrono::milliseconds hold{3000};
  float max_move_px = 20;  ///< distance from the down position that cancels the press
};

class HostGesture {
public:
  using Clock = std::chrono::steady_clock;

  explicit HostGesture(HostGestureConfig config = {}) : config_(config) {}

  /// Feed one touch event. Returns true exactly when this event completes the gesture (an up or
  /// move arriving after the hold time without having fired yet).
  bool on_touch(const TouchEvent& e);
  /// Call every frame: returns true once when the held press reaches the hold time.
  bool update(Clock::time_point now);
  /// 0..1 how far a valid press in the corner is (0 when none); lets the kiosk draw a subtle ring.
  float progress(Clock::time_point now) const;
  /// True while a candidate press is in progress (the kiosk may hold off other corner actions).
  bool pressing() const { return active_; }
  void reset();

  void set_config(const HostGestureConfig& c) { config_ = c; reset(); }
  const HostGestureConfig& config() const { return config_; }

private:
  bool in_corner(float x_px, float y_px) const;
  HostGestureConfig config_;
  bool active_ = false;
  bool fired_ = false;
  std::int64_t finger_ = 0;
  float down_x_px_ = 0, down_y_px_ = 0;
  Clock::time_point down_time_{};
};

/// Events that would end or hide the app; the kiosk maps SDL events onto these.
enum class QuitEventKind {
  window_close,   ///< SDL_WINDOWEVENT_CLOSE
  quit_request,   ///< SDL_QUIT (SDL also raises it for SIGINT/SIGTERM unless SDL_NO_SIGNAL_HANDLERS=1,
                  ///< which the systemd unit sets so that `systemctl stop` simply terminates)
  alt_f4,         ///< keyboard Alt+F4
  escape_key,     ///< Escape
  ctrl_q,         ///< Ctrl+Q / Ctrl+W
  minimize,       ///< window minimised / iconified
  focus_lost,     ///< window lost focus (e.g. Alt+Tab)
  system_signal,  ///< SIGTERM/SIGINT caught by the app's own handler (the service is being stopped)
};

/// Kiosk-mode policy. In kiosk mode only system_signal quits; minimize/focus_lost should be undone
/// (restore + raise the window). Outside kiosk mode everything behaves like a normal desktop app.
class KioskGuard {
public:
  explicit KioskGuard(bool kiosk_mode = true) : kiosk_mode_(kiosk_mode) {}
  void set_kiosk_mode(bool on) { kiosk_mode_ = on; }
  bool kiosk_mode() const { return kiosk_mode_; }

  /// Should the app quit on this event? (minimize/focus_lost never quit.)
  bool should_quit(QuitEventKind e) const;
  /// Should the app restore/raise its window after this event? (kiosk mode + minimize/focus_lost.)
  bool should_restore_window(QuitEventKind e) const;
  /// Should the window be fullscreen, borderless and hide the mouse cursor?
  bool fullscreen() const { return kiosk_mode_; }

private:
  bool kiosk_mode_;
};

} // namespace bk::kiosk::host
