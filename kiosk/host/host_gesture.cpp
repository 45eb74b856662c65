// host_gesture.cpp — long press in the top-left corner; kiosk-mode quit policy.
#include "kiosk/host/host_gesture.hpp"

#include <algorithm>

namespace bk::kiosk::host {

bool HostGesture::in_corner(float x_px, float y_px) const {
  return x_px >= 0 && y_px >= 0 && x_px < config_.corner_w_px && y_px < config_.corner_h_px;
}

void HostGesture::reset() {
  active_ = false;
  fired_ = false;
}

bool HostGesture::on_touch(const TouchEvent& e) {
  switch (e.phase) {
  case TouchPhase::down:
    if (active_ && e.finger_id != finger_) {  // a second finger: not the host gesture
      reset();
      return false;
    }
    active_ = in_corner(e.x_px, e.y_px);
    fired_ = false;
    finger_ = e.finger_id;
    down_x_px_ = e.x_px;
    down_y_px_ = e.y_px;
    down_time_ = e.time;
    return false;
  case TouchPhase::move: {
    if (!active_ || e.finger_id != finger_) return false;
    const float dx = e.x_px - down_x_px_, dy = e.y_px - down_y_px_;
    if (dx * dx + dy * dy > config_.max_move_px * config_.max_move_px) {
      reset();
      return false;
    }
    return update(e.time);
  }
  case TouchPhase::up: {
    if (!active_ || e.finger_id != finger_) return false;
    const bool fire = update(e.time);
    reset();
    return fire;
  }
  case TouchPhase::cancel:
    reset();
    return false;
  }
  return false;
}

bool HostGesture::update(Clock::time_point now) {
  if (!active_ || fired_) return false;
  if (now - down_time_ < config_.hold) return false;
  fired_ = true;
  return true;
}

float HostGesture::progress(Clock::time_point now) const {
  if (!active_ || fired_) return 0.0f;
  const auto held = std::chrono::duration<float>(now - down_time_).count();
  const auto need = std::chrono::duration<float>(config_.hold).count();
  return need <= 0 ? 1.0f : std::clamp(held / need, 0.0f, 1.0f);
}

bool KioskGuard::should_quit(QuitEventKind e) const {
  switch (e) {
  case QuitEventKind::minimize:
  case QuitEventKind::focus_lost:
    return false;
  case QuitEventKind::system_signal:
    return true;  // systemd stops the service: always obey (Restart=always brings it back if wanted)
  case QuitEventKind::escape_key:
    return false; // Escape closes panels in the UI; it never quits, even outside kiosk mode
  case QuitEventKind::window_close:
  case QuitEventKind::quit_request:
  case QuitEventKind::alt_f4:
  case QuitEventKind::ctrl_q:
    return !kiosk_mode_;
  }
  return false;
}

bool KioskGuard::should_restore_window(QuitEventKind e) const {
  return kiosk_mode_ && (e == QuitEventKind::minimize || e == QuitEventKind::focus_lost);
}

} // namespace bk::kiosk::host
