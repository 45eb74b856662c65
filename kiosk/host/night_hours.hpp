// night_hours.hpp — dims or blanks the screen at night, across midnight.
//
// What: given the local wall-clock time and NightHoursSettings, answers Awake | Dim(level) | Blank.
// The window may cross midnight (22:00–07:00). A touch during night mode wakes the screen for
// `wake_duration` (default 60 s) measured with the injected steady clock.
//
// Minimal use (main thread, once per frame):
//     host::NightHours night{settings.night};
//     on any touch:   bool swallow = night.on_touch(steady_now);   // true: the touch only woke the screen
//     every frame:    host::ScreenState s = night.update(steady_now, host::local_minutes_now());
//                     if (s.mode == ScreenMode::blank) draw black; if dim: overlay black with alpha 1-s.brightness
//
// Limits: minute resolution; start == end means "never". DST jumps simply follow the local clock.
// Thread: not synchronised; use from the main thread only. Pure functions are thread-safe.
#pragma once

#include <chrono>

namespace bk::kiosk::host {

/// Time of day in local time, minute resolution. hour 0..23, minute 0..59.
struct LocalTimeOfDay {
  int hour = 0;
  int minute = 0;
  constexpr int minutes_since_midnight() const { return hour * 60 + minute; }
  friend constexpr bool operator==(LocalTimeOfDay, LocalTimeOfDay) = default;
};

enum class NightMode { dim, blank };

struct NightHoursSettings {
  bool enabled = false;
  LocalTimeOfDay start{22, 0};  ///< night begins (inclusive)
  LocalTimeOfDay end{7, 0};     ///< night ends (exclusive)
  NightMode mode = NightMode::dim;
  float dim_level = 0.3f;       ///< screen brightness while dimmed, 0.05..1 (1 = not dimmed)
  friend bool operator==(const NightHoursSettings&, const NightHoursSettings&) = default;
};

enum class ScreenMode { awake, dim, blank };

struct ScreenState {
  ScreenMode mode = ScreenMode::awake;
  float brightness = 1.0f;  ///< 1 when awake, dim_level when dim, 0 when blank
  friend bool operator==(const ScreenState&, const ScreenState&) = default;
};

/// True when `minutes_since_midnight` (0..1439) lies in [start, end), handling windows across midnight.
bool in_night_window(const NightHoursSettings& s, int minutes_since_midnight);

/// Pure answer without the touch wake-up: awake outside the window or when disabled.
ScreenState night_screen_state(const NightHoursSettings& s, int minutes_since_midnight);

/// Local time of day now (localtime_r), as minutes since midnight. Thread-safe.
int local_minutes_now();

/// Stateful wrapper adding "a touch wakes the screen for a minute".
class NightHours {
public:
  using Clock = std::chrono::steady_clock;

  explicit NightHours(NightHoursSettings settings = {},
                      Clock::duration wake_duration = std::chrono::seconds(60));

  void set_settings(const NightHoursSettings& s) { settings_ = s; }
  const NightHoursSettings& settings() const { return settings_; }

  /// Register a touch. Returns true when the screen was dim/blank at the last update(): the
  /// touch should then only wake the screen and not act on the UI.
  bool on_touch(Clock::time_point now);

  /// Current screen state. Call once per frame (or on a timer) with the local wall clock.
  ScreenState update(Clock::time_point now, int local_minutes_since_midnight);

  /// The state returned by the last update().
  ScreenState current() const { return last_; }

private:
  NightHoursSettings settings_;
  Clock::duration wake_duration_;
  Clock::time_point awake_until_{};
  bool has_wake_ = false;
  ScreenState last_{};
};

} // namespace bk::kiosk::host
