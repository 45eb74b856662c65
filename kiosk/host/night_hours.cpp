// night_hours.cpp — night window test across midnight and the touch wake-up.
#include "kiosk/host/night_hours.hpp"

#include <algorithm>
#include <ctime>

namespace bk::kiosk::host {

bool in_night_window(const NightHoursSettings& s, int minutes) {
  const int start = s.start.minutes_since_midnight();
  const int end = s.end.minutes_since_midnight();
  if (start == end) return false;               // empty window: "never"
  if (start < end) return minutes >= start && minutes < end;
  return minutes >= start || minutes < end;     // crosses midnight (22:00–07:00)
}

ScreenState night_screen_state(const NightHoursSettings& s, int minutes) {
  if (!s.enabled || !in_night_window(s, minutes)) return {};
  if (s.mode == NightMode::blank) return {ScreenMode::blank, 0.0f};
  return {ScreenMode::dim, std::clamp(s.dim_level, 0.05f, 1.0f)};
}

int local_minutes_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm.tm_hour * 60 + tm.tm_min;
}

NightHours::NightHours(NightHoursSettings settings, Clock::duration wake_duration)
    : settings_(settings), wake_duration_(wake_duration) {}

bool NightHours::on_touch(Clock::time_point now) {
  const bool was_sleeping = last_.mode != ScreenMode::awake;
  awake_until_ = now + wake_duration_;
  has_wake_ = true;
  if (was_sleeping) last_ = {};  // wake immediately, before the next update()
  return was_sleeping;
}

ScreenState NightHours::update(Clock::time_point now, int local_minutes) {
  ScreenState s = night_screen_state(settings_, local_minutes);
  if (s.mode != ScreenMode::awake && has_wake_ && now < awake_until_) s = {};
  last_ = s;
  return s;
}

} // namespace bk::kiosk::host
