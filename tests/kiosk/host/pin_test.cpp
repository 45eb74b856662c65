// pin_test.cpp — PIN hashing, rate-limited checking with an injected clock, persistence, PIN pad.
#include "kiosk/host/pin.hpp"

#include <doctest/doctest.h>

using namespace bk::kiosk::host;
using namespace std::chrono_literals;
using Clock = PinGuard::Clock;

namespace {
const std::string& hash_2580() {
  static const std::string h = hash_pin("2580").value();  // hash once: Argon2 takes ~0.1 s
  return h;
}
} // namespace

TEST_CASE("hashed PIN verifies only with the right PIN") {
  const std::string& h = hash_2580();
  CHECK(h.starts_with("$argon2id$"));
  CHECK(h.find("2580") == std::string::npos);
  CHECK(verify_pin(h, "2580"));
  CHECK_FALSE(verify_pin(h, "2581"));
  CHECK_FALSE(verify_pin(h, "1234"));
  CHECK_FALSE(verify_pin("$argon2id$garbage", "2580"));
  CHECK_FALSE(uses_default_pin(h));
}

TEST_CASE("hash_pin rejects PINs that are not 4 to 8 digits") {
  for (const char* bad : {"", "123", "123456789", "12a4", "12 34"}) {
    auto r = hash_pin(bad);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == ErrorKind::invalid_value);
  }
}

TEST_CASE("a fresh kiosk without a hash accepts the default PIN 1234 and flags it") {
  CHECK(verify_pin("", default_pin));
  CHECK_FALSE(verify_pin("", "0000"));
  CHECK(uses_default_pin(""));
  PinGuard g;
  CHECK(g.submit("1234", Clock::time_point{}).kind == PinResult::Kind::ok);
}

TEST_CASE("lockout grows 30, 60, 120 s and is capped at 15 minutes") {
  CHECK(PinGuard::lockout_for(2) == 0s);
  CHECK(PinGuard::lockout_for(3) == 30s);
  CHECK(PinGuard::lockout_for(4) == 60s);
  CHECK(PinGuard::lockout_for(5) == 120s);
  CHECK(PinGuard::lockout_for(8) == 900s);
  CHECK(PinGuard::lockout_for(500) == 900s);
}

TEST_CASE("three wrong PINs lock the pad; the lock grows and a right PIN resets it") {
  PinGuard g{hash_2580()};
  Clock::time_point t{};
  auto r = g.submit("0000", t);
  CHECK(r.kind == PinResult::Kind::wrong);
  CHECK(r.attempts_left == 2);
  r = g.submit("0000", t + 1s);
  CHECK(r.attempts_left == 1);
  r = g.submit("0000", t + 2s);
  CHECK(r.kind == PinResult::Kind::wrong);
  CHECK(r.attempts_left == 0);
  CHECK(r.seconds_left == 30);

  // Locked: even the right PIN is not checked.
  r = g.submit("2580", t + 12s);
  CHECK(r.kind == PinResult::Kind::locked);
  CHECK(r.seconds_left == 20);
  CHECK(g.seconds_locked(t + 31s) == 1);
  CHECK(g.seconds_locked(t + 32s) == 0);

  // 4th wrong: 60 s.
  r = g.submit("1111", t + 40s);
  CHECK(r.seconds_left == 60);
  CHECK(g.submit("2580", t + 99s).kind == PinResult::Kind::locked);
  // 5th wrong: 120 s.
  r = g.submit("1111", t + 100s);
  CHECK(r.seconds_left == 120);
  CHECK(g.failed_attempts() == 5);

  r = g.submit("2580", t + 220s);
  CHECK(r.kind == PinResult::Kind::ok);
  CHECK(g.failed_attempts() == 0);
  CHECK(g.submit("0000", t + 221s).attempts_left == 2);  // counter starts over
}

TEST_CASE("lock state survives a restart through the persisted wall-clock time") {
  PinGuard g{hash_2580()};
  Clock::time_point t{};
  for (int i = 0; i < 4; ++i) (void)g.submit("9999", t + std::chrono::seconds(i * 40));  // 4th at 120 s -> 60 s lock
  const std::int64_t unix_now = 1'800'000'000;
  const PinLockState saved = g.persisted(t + 130s, unix_now);
  CHECK(saved.failed_attempts == 4);
  CHECK(saved.lockout_until_unix_s == unix_now + 50);

  // New process: steady clock starts anywhere; 20 s of wall time passed during the reboot.
  PinGuard g2{hash_2580()};
  const Clock::time_point t2 = Clock::time_point{} + 5000s;
  g2.restore(saved, t2, unix_now + 20);
  CHECK(g2.failed_attempts() == 4);
  CHECK(g2.seconds_locked(t2) == 30);
  CHECK(g2.submit("2580", t2 + 10s).kind == PinResult::Kind::locked);
  // After the lock, the next wrong one gives 120 s (5th failure).
  CHECK(g2.submit("0000", t2 + 31s).seconds_left == 120);
}

TEST_CASE("a stored lockout far in the future (clock moved back) is clamped to the maximum") {
  PinGuard g;
  g.restore({12, 4'000'000'000}, Clock::time_point{}, 1'800'000'000);
  CHECK(g.seconds_locked(Clock::time_point{}) == 900);
}

TEST_CASE("PIN pad keeps at most 8 digits, supports backspace and clear, and clears on submit") {
  PinPad pad;
  CHECK_FALSE(pad.can_submit());
  for (int d : {1, 2, 3}) CHECK(pad.press_digit(d));
  CHECK_FALSE(pad.can_submit());
  CHECK(pad.press_digit(4));
  CHECK(pad.can_submit());
  CHECK(pad.masked() == "\u2022\u2022\u2022\u2022");
  for (int d : {5, 6, 7, 8}) CHECK(pad.press_digit(d));
  CHECK_FALSE(pad.press_digit(9));
  CHECK_FALSE(pad.press_digit(10));
  CHECK(pad.length() == 8);
  pad.backspace();
  CHECK(pad.length() == 7);
  pad.clear();
  CHECK(pad.length() == 0);
  pad.backspace();  // harmless on empty
  CHECK(pad.length() == 0);

  PinGuard g{hash_2580()};
  for (int d : {2, 5, 8, 0}) pad.press_digit(d);
  CHECK(pad.submit(g, Clock::time_point{}).kind == PinResult::Kind::ok);
  CHECK(pad.length() == 0);
  for (int d : {2, 5, 8, 1}) pad.press_digit(d);
  const PinResult r = pad.submit(g, Clock::time_point{});
  CHECK(r.kind == PinResult::Kind::wrong);
  CHECK(r.attempts_left == 2);
  CHECK(pad.length() == 0);
}
