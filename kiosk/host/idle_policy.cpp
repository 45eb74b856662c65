// idle_policy.cpp — idle reset and attract-mode cycling with an injected clock.
#include "kiosk/host/idle_policy.hpp"

#include "kiosk/host/settings.hpp"

#include <algorithm>

namespace bk::kiosk::host {

IdleConfig IdleConfig::from(const Settings& s) {
  IdleConfig c;
  c.idle_timeout = std::chrono::seconds(s.idle_timeout_s);
  c.attract_delay = std::chrono::seconds(s.attract_delay_s);
  c.attract_cycle = std::chrono::seconds(std::max(1, s.attract_cycle_s));
  c.attract_enabled = s.attract_mode;
  return c;
}

IdlePolicy::IdlePolicy(IdleConfig config, Clock::time_point now)
    : config_(config), last_interaction_(now) {}

void IdlePolicy::set_item_count(std::size_t n) {
  items_ = n;
  if (index_ >= n) index_ = 0;
}

bool IdlePolicy::on_interaction(Clock::time_point now) {
  last_interaction_ = now;
  const bool was_attract = state_ == IdleState::attract;
  if (was_attract) pending_end_ = true;
  state_ = IdleState::active;
  return was_attract;
}

IdleEvent IdlePolicy::update(Clock::time_point now) {
  if (pending_end_) {
    pending_end_ = false;
    return IdleEvent::attract_end;
  }
  switch (state_) {
  case IdleState::active:
    if (now - last_interaction_ >= config_.idle_timeout) {
      state_ = IdleState::idle;
      return IdleEvent::reset;
    }
    return IdleEvent::none;
  case IdleState::idle:
    if (config_.attract_enabled && items_ > 0 &&
        now - last_interaction_ >= config_.idle_timeout + config_.attract_delay) {
      state_ = IdleState::attract;
      index_ = 0;
      next_cycle_ = now + config_.attract_cycle;
      return IdleEvent::attract_start;
    }
    return IdleEvent::none;
  case IdleState::attract:
    if (items_ == 0 || !config_.attract_enabled) {  // list emptied or setting switched off
      state_ = IdleState::idle;
      return IdleEvent::attract_end;
    }
    if (now >= next_cycle_) {
      index_ = (index_ + 1) % items_;
      next_cycle_ += config_.attract_cycle;
      if (next_cycle_ <= now) next_cycle_ = now + config_.attract_cycle;  // suspended: skip missed cycles
      return IdleEvent::attract_next;
    }
    return IdleEvent::none;
  }
  return IdleEvent::none;
}

IdlePolicy::Clock::duration IdlePolicy::time_until_next_event(Clock::time_point now) const {
  if (pending_end_) return Clock::duration::zero();
  Clock::time_point due{};
  switch (state_) {
  case IdleState::active: due = last_interaction_ + config_.idle_timeout; break;
  case IdleState::idle:
    if (!config_.attract_enabled || items_ == 0) return std::chrono::hours(24);
    due = last_interaction_ + config_.idle_timeout + config_.attract_delay;
    break;
  case IdleState::attract: due = next_cycle_; break;
  }
  return std::max(Clock::duration::zero(), due - now);
}

} // namespace bk::kiosk::host
