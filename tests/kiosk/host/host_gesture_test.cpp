// host_gesture_test.cpp — hidden long press in the top-left corner; kiosk-mode quit policy.
#include "kiosk/host/host_gesture.hpp"

#include <doctest/doctest.h>

using namespace bk::kiosk::host;
using namespace std::chrono_literals;
using Clock = HostGesture::Clock;

namespace {
const Clock::time_point t0 = Clock::time_point{} + 100s;
TouchEvent ev(TouchPhase p, float x, float y, Clock::duration dt, std::int64_t finger = 1) {
  return TouchEvent{p, x, y, t0 + dt, finger};
}
} // namespace

TEST_CASE("a 3 second press in the top-left corner fires once while still held") {
  HostGesture g;
  CHECK_FALSE(g.on_touch(ev(TouchPhase::down, 20, 30, 0s)));
  CHECK(g.pressing());
  CHECK_FALSE(g.update(t0 + 2900ms));
  CHECK(g.progress(t0 + 1500ms) == doctest::Approx(0.5));
  CHECK(g.update(t0 + 3s));
  CHECK_FALSE(g.update(t0 + 4s));  // only once per press
  CHECK_FALSE(g.on_touch(ev(TouchPhase::up, 20, 30, 5s)));
}

TEST_CASE("small jitter is allowed; release after the hold time fires on the up event") {
  HostGesture g;
  g.on_touch(ev(TouchPhase::down, 50, 50, 0s));
  CHECK_FALSE(g.on_touch(ev(TouchPhase::move, 62, 58, 1s)));  // 14.4 px
  CHECK(g.on_touch(ev(TouchPhase::up, 60, 60, 3200ms)));
}

TEST_CASE("a short press in the corner does not fire") {
  HostGesture g;
  g.on_touch(ev(TouchPhase::down, 10, 10, 0s));
  CHECK_FALSE(g.on_touch(ev(TouchPhase::up, 10, 10, 2s)));
  CHECK_FALSE(g.update(t0 + 10s));
}

TEST_CASE("a long press outside the corner does not fire") {
  HostGesture g;
  g.on_touch(ev(TouchPhase::down, 500, 20, 0s));
  CHECK_FALSE(g.pressing());
  CHECK_FALSE(g.update(t0 + 5s));
  CHECK_FALSE(g.on_touch(ev(TouchPhase::up, 500, 20, 5s)));
  g.on_touch(ev(TouchPhase::down, 96, 10, 6s));  // just outside a 96 px corner
  CHECK_FALSE(g.update(t0 + 10s));
}

TEST_CASE("moving more than 20 px cancels the press") {
  HostGesture g;
  g.on_touch(ev(TouchPhase::down, 40, 40, 0s));
  g.on_touch(ev(TouchPhase::move, 40, 61, 1s));  // 21 px
  CHECK_FALSE(g.pressing());
  CHECK_FALSE(g.update(t0 + 4s));
  CHECK_FALSE(g.on_touch(ev(TouchPhase::up, 40, 40, 4s)));
}

TEST_CASE("a second finger or a cancel aborts the press") {
  HostGesture g;
  g.on_touch(ev(TouchPhase::down, 10, 10, 0s, 1));
  g.on_touch(ev(TouchPhase::down, 300, 300, 1s, 2));
  CHECK_FALSE(g.update(t0 + 4s));
  g.on_touch(ev(TouchPhase::down, 10, 10, 5s, 1));
  g.on_touch(ev(TouchPhase::cancel, 10, 10, 6s, 1));
  CHECK_FALSE(g.update(t0 + 9s));
}

TEST_CASE("a configurable corner and hold time are honoured") {
  HostGesture g{HostGestureConfig{200, 200, 1000ms, 40}};
  g.on_touch(ev(TouchPhase::down, 150, 150, 0s));
  g.on_touch(ev(TouchPhase::move, 180, 170, 500ms));
  CHECK(g.update(t0 + 1s));
}

TEST_CASE("kiosk mode ignores every quit route except a system stop") {
  KioskGuard k{true};
  for (auto e : {QuitEventKind::window_close, QuitEventKind::quit_request, QuitEventKind::alt_f4,
                 QuitEventKind::escape_key, QuitEventKind::ctrl_q, QuitEventKind::minimize, QuitEventKind::focus_lost})
    CHECK_FALSE(k.should_quit(e));
  CHECK(k.should_quit(QuitEventKind::system_signal));
  CHECK(k.should_restore_window(QuitEventKind::minimize));
  CHECK(k.should_restore_window(QuitEventKind::focus_lost));
  CHECK(k.fullscreen());
}

TEST_CASE("outside kiosk mode the window closes normally") {
  KioskGuard k{false};
  CHECK(k.should_quit(QuitEventKind::window_close));
  CHECK(k.should_quit(QuitEventKind::quit_request));
  CHECK(k.should_quit(QuitEventKind::alt_f4));
  CHECK_FALSE(k.should_quit(QuitEventKind::escape_key));  // Escape only closes panels
  CHECK_FALSE(k.should_restore_window(QuitEventKind::minimize));
  k.set_kiosk_mode(true);
  CHECK_FALSE(k.should_quit(QuitEventKind::alt_f4));
}
