// idle_policy.hpp — what the kiosk does when nobody touches it: reset, then attract mode.
//
// What: tracks the last interaction. After `idle_timeout` without interaction update() returns
// IdleEvent::reset once (close panels, language back to the default, map to the start view).
// After a further `attract_delay` (if enabled and there are items) it returns attract_start and then
// attract_next every `attract_cycle`, cycling attract_index() over the app's "vandaag in de buurt"
// items, until a touch: on_interaction() then returns true (attract ended: swallow that touch) and
// update() returns attract_end once.
//
// Minimal use (main thread):
//     host::IdlePolicy idle{host::IdleConfig::from(settings), steady_now};
//     idle.set_item_count(today_items.size());          // whenever the list changes
//     on any touch/mouse/key:  if (idle.on_interaction(now)) continue;   // touch only ended attract
//     every frame:  switch (idle.update(now)) { case reset: ...; case attract_start: case attract_next:
//                       highlight(today_items[idle.attract_index()]); case attract_end: ...; }
//     SDL_WaitEventTimeout(..., ms(idle.time_until_next_event(now)))  // to sleep when idle
//
// Limits: one event per update() call; if the app was suspended, missed cycles are skipped (not
// replayed). With 0 items attract mode is not entered (reset still happens).
// Thread: not synchronised; main thread only.
#pragma once

#include <chrono>
#include <cstddef>

namespace bk::kiosk::host {

struct Settings;

struct IdleConfig {
  std::chrono::seconds idle_timeout{90};
  std::chrono::seconds attract_delay{30};
  std::chrono::seconds attract_cycle{8};
  bool attract_enabled = true;
  /// From Settings::idle_timeout_s, attract_mode, attract_delay_s, attract_cycle_s.
  static IdleConfig from(const Settings& s);
};

enum class IdleEvent { none, reset, attract_start, attract_next, attract_end };

enum class IdleState {
  active,    ///< someone is using the kiosk
  idle,      ///< reset happened; waiting for attract delay
  attract,   ///< cycling highlights
};

class IdlePolicy {
public:
  using Clock = std::chrono::steady_clock;

  explicit IdlePolicy(IdleConfig config = {}, Clock::time_point now = Clock::now());

  void set_config(const IdleConfig& c) { config_ = c; }
  const IdleConfig& config() const { return config_; }
  void set_item_count(std::size_t n);

  /// Any touch, click, wheel or key. Returns true when it ended attract mode.
  bool on_interaction(Clock::time_point now);
  /// Advance; returns at most one event per call.
  IdleEvent update(Clock::time_point now);

  IdleState state() const { return state_; }
  /// Current highlighted item (0..item_count-1) while in attract mode.
  std::size_t attract_index() const { return index_; }
  /// Time until update() would return something other than none (for sleeping), at least 0.
  Clock::duration time_until_next_event(Clock::time_point now) const;

private:
  IdleConfig config_;
  IdleState state_ = IdleState::active;
  Clock::time_point last_interaction_;
  Clock::time_point next_cycle_{};
  std::size_t items_ = 0;
  std::size_t index_ = 0;
  bool pending_end_ = false;
};

} // namespace bk::kiosk::host
