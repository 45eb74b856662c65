// idle_policy_test.cpp — idle reset once, attract mode cycling, touch ends attract.
#include "kiosk/host/idle_policy.hpp"

#include "kiosk/host/settings.hpp"

#include <doctest/doctest.h>

using namespace bk::kiosk::host;
using namespace std::chrono_literals;
using Clock = IdlePolicy::Clock;

namespace {
const Clock::time_point t0 = Clock::time_point{} + 1000s;
IdleConfig config() { return IdleConfig{60s, 20s, 5s, true}; }
} // namespace

TEST_CASE("idle timeout gives exactly one reset event") {
  IdlePolicy p{config(), t0};
  CHECK(p.update(t0 + 59s) == IdleEvent::none);
  CHECK(p.update(t0 + 60s) == IdleEvent::reset);
  CHECK(p.state() == IdleState::idle);
  CHECK(p.update(t0 + 61s) == IdleEvent::none);
  CHECK(p.update(t0 + 70s) == IdleEvent::none);  // no items: never attract
}

TEST_CASE("interaction postpones the reset") {
  IdlePolicy p{config(), t0};
  p.on_interaction(t0 + 50s);
  CHECK(p.update(t0 + 100s) == IdleEvent::none);
  CHECK(p.time_until_next_event(t0 + 100s) == 10s);
  CHECK(p.update(t0 + 110s) == IdleEvent::reset);
}

TEST_CASE("attract mode starts after the delay and cycles items every N seconds") {
  IdlePolicy p{config(), t0};
  p.set_item_count(3);
  CHECK(p.update(t0 + 60s) == IdleEvent::reset);
  CHECK(p.update(t0 + 79s) == IdleEvent::none);
  CHECK(p.time_until_next_event(t0 + 79s) == 1s);
  CHECK(p.update(t0 + 80s) == IdleEvent::attract_start);
  CHECK(p.state() == IdleState::attract);
  CHECK(p.attract_index() == 0);
  CHECK(p.update(t0 + 84s) == IdleEvent::none);
  CHECK(p.update(t0 + 85s) == IdleEvent::attract_next);
  CHECK(p.attract_index() == 1);
  CHECK(p.update(t0 + 90s) == IdleEvent::attract_next);
  CHECK(p.attract_index() == 2);
  CHECK(p.update(t0 + 95s) == IdleEvent::attract_next);
  CHECK(p.attract_index() == 0);  // wraps around
}

TEST_CASE("a touch in attract mode ends it, is reported as swallowed, and restarts the idle timer") {
  IdlePolicy p{config(), t0};
  p.set_item_count(2);
  (void)p.update(t0 + 60s);
  CHECK(p.update(t0 + 80s) == IdleEvent::attract_start);
  CHECK(p.on_interaction(t0 + 83s));
  CHECK(p.state() == IdleState::active);
  CHECK(p.update(t0 + 83s) == IdleEvent::attract_end);
  CHECK(p.update(t0 + 84s) == IdleEvent::none);
  CHECK_FALSE(p.on_interaction(t0 + 90s));  // normal touch: not swallowed
  CHECK(p.update(t0 + 149s) == IdleEvent::none);
  CHECK(p.update(t0 + 150s) == IdleEvent::reset);
}

TEST_CASE("a long suspension skips missed cycles instead of replaying them") {
  IdlePolicy p{config(), t0};
  p.set_item_count(4);
  (void)p.update(t0 + 60s);
  (void)p.update(t0 + 80s);
  CHECK(p.update(t0 + 200s) == IdleEvent::attract_next);
  CHECK(p.update(t0 + 201s) == IdleEvent::none);
  CHECK(p.update(t0 + 205s) == IdleEvent::attract_next);
}

TEST_CASE("attract mode off: reset only") {
  IdleConfig c = config();
  c.attract_enabled = false;
  IdlePolicy p{c, t0};
  p.set_item_count(5);
  CHECK(p.update(t0 + 60s) == IdleEvent::reset);
  CHECK(p.update(t0 + 500s) == IdleEvent::none);
}

TEST_CASE("an emptied item list ends attract mode") {
  IdlePolicy p{config(), t0};
  p.set_item_count(2);
  (void)p.update(t0 + 60s);
  (void)p.update(t0 + 80s);
  p.set_item_count(0);
  CHECK(p.update(t0 + 81s) == IdleEvent::attract_end);
  CHECK(p.state() == IdleState::idle);
}

TEST_CASE("IdleConfig comes from the settings") {
  Settings s;
  s.idle_timeout_s = 45;
  s.attract_delay_s = 7;
  s.attract_cycle_s = 9;
  s.attract_mode = false;
  const IdleConfig c = IdleConfig::from(s);
  CHECK(c.idle_timeout == 45s);
  CHECK(c.attract_delay == 7s);
  CHECK(c.attract_cycle == 9s);
  CHECK_FALSE(c.attract_enabled);
}
