// night_hours_test.cpp — night window across midnight, dim/blank, touch wakes for a minute.
#include "kiosk/host/night_hours.hpp"

#include <doctest/doctest.h>

using namespace bk::kiosk::host;
using namespace std::chrono_literals;

namespace {
constexpr int hm(int h, int m) { return h * 60 + m; }
NightHoursSettings night_22_to_7(NightMode mode) { return {true, {22, 0}, {7, 0}, mode, 0.25f}; }
} // namespace

TEST_CASE("a window from 22:00 to 07:00 spans midnight") {
  const auto s = night_22_to_7(NightMode::dim);
  CHECK_FALSE(in_night_window(s, hm(21, 59)));
  CHECK(in_night_window(s, hm(22, 0)));
  CHECK(in_night_window(s, hm(23, 59)));
  CHECK(in_night_window(s, hm(0, 0)));
  CHECK(in_night_window(s, hm(6, 59)));
  CHECK_FALSE(in_night_window(s, hm(7, 0)));
  CHECK_FALSE(in_night_window(s, hm(12, 0)));
}

TEST_CASE("a window within one day and an empty window") {
  NightHoursSettings s{true, {1, 0}, {5, 30}, NightMode::blank, 0.3f};
  CHECK_FALSE(in_night_window(s, hm(0, 59)));
  CHECK(in_night_window(s, hm(1, 0)));
  CHECK(in_night_window(s, hm(5, 29)));
  CHECK_FALSE(in_night_window(s, hm(5, 30)));
  s.start = s.end = {3, 0};
  CHECK_FALSE(in_night_window(s, hm(3, 0)));
}

TEST_CASE("night state is dim with the level, blank, or awake when disabled") {
  auto s = night_22_to_7(NightMode::dim);
  CHECK(night_screen_state(s, hm(23, 0)) == ScreenState{ScreenMode::dim, 0.25f});
  CHECK(night_screen_state(s, hm(12, 0)) == ScreenState{});
  s.mode = NightMode::blank;
  CHECK(night_screen_state(s, hm(2, 0)) == ScreenState{ScreenMode::blank, 0.0f});
  s.enabled = false;
  CHECK(night_screen_state(s, hm(2, 0)) == ScreenState{});
}

TEST_CASE("a touch at night wakes the screen for a minute and is swallowed") {
  using Clock = NightHours::Clock;
  const Clock::time_point t0 = Clock::time_point{} + 50000s;
  NightHours n{night_22_to_7(NightMode::blank)};
  CHECK(n.update(t0, hm(23, 0)).mode == ScreenMode::blank);
  CHECK(n.on_touch(t0 + 1s));                            // woke the screen: swallow the touch
  CHECK(n.current().mode == ScreenMode::awake);
  CHECK(n.update(t0 + 2s, hm(23, 0)).mode == ScreenMode::awake);
  CHECK_FALSE(n.on_touch(t0 + 30s));                     // normal touch while awake; extends wake
  CHECK(n.update(t0 + 89s, hm(23, 1)).mode == ScreenMode::awake);
  CHECK(n.update(t0 + 91s, hm(23, 1)).mode == ScreenMode::blank);
}

TEST_CASE("touches by day are never swallowed") {
  using Clock = NightHours::Clock;
  NightHours n{night_22_to_7(NightMode::dim)};
  CHECK(n.update(Clock::time_point{}, hm(14, 0)).mode == ScreenMode::awake);
  CHECK_FALSE(n.on_touch(Clock::time_point{} + 1s));
}
