// pin.hpp — host PIN: hashing (libsodium), rate-limited checking, and the on-screen PIN pad model.
//
// What: the PIN is stored only as a crypto_pwhash_str hash (Argon2id, "interactive" limits). A fresh
// kiosk has no hash and accepts `default_pin` ("1234"); the host screen must then show the
// "change the PIN" warning (i18n key "host.pin_default_warning"; see uses_default_pin()).
// Rate limit: 3 wrong attempts are free; the 3rd and every further wrong one lock the pad for
// 30 s, 60 s, 120 s, ... capped at 15 min. A correct PIN resets the counter. The lock survives
// restarts by storing PinGuard::persisted() in Settings::pin_lock (wall clock) and calling restore().
//
// Minimal use (main thread):
//     host::PinGuard guard{settings.pin_hash};
//     guard.restore(settings.pin_lock, steady_now, unix_now_s);
//     host::PinPad pad;                        // buttons: pad.press_digit(7); pad.backspace(); pad.clear();
//     host::PinResult r = pad.submit(guard, steady_now);   // clears the pad
//     switch (r.kind) { ok: open host settings; wrong: show r.attempts_left; locked: show r.seconds_left; }
//     settings.pin_lock = guard.persisted(steady_now, unix_now_s); save_settings(...);
//
// Limits: PINs are 4..8 digits. hash_pin()/verify take ~50–150 ms and 64 MiB (Argon2 interactive),
// acceptable on a submit press; never call them per frame. While locked the hash is not checked.
// Thread: PinGuard/PinPad are not synchronised (main thread). The free functions are thread-safe.
#pragma once

#include "kiosk/host/error.hpp"
#include "kiosk/host/settings.hpp"

#include <chrono>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace bk::kiosk::host {

/// PIN of a fresh kiosk (documented in kiosk/systemd/README.md). Must be changed on first use.
inline constexpr std::string_view default_pin = "1234";
inline constexpr std::size_t pin_min_digits = 4;
inline constexpr std::size_t pin_max_digits = 8;

/// 4..8 ASCII digits.
bool is_valid_pin(std::string_view pin);

/// Argon2id hash string (crypto_pwhash_str, OPSLIMIT/MEMLIMIT_INTERACTIVE). Errors: invalid_value
/// (not 4..8 digits), crypto (libsodium init or out of memory).
std::expected<std::string, Error> hash_pin(std::string_view pin);

/// True when `pin` matches `hash`. An empty hash means "no PIN set": only default_pin matches.
/// A malformed hash never matches.
bool verify_pin(std::string_view hash, std::string_view pin);

/// True when `hash` is a well-formed crypto_pwhash (Argon2) string libsodium can verify against; a
/// malformed one ("$argon2id$v=19$garbage") would lock every host out, so settings reject it.
bool is_valid_pin_hash(std::string_view hash);

/// True when the stored hash is empty or matches default_pin (show the "change the PIN" warning).
bool uses_default_pin(std::string_view hash);

struct PinResult {
  enum class Kind { ok, wrong, locked };
  Kind kind = Kind::wrong;
  int attempts_left = 0;  ///< for wrong: tries before the next lockout (0 = this one locked the pad)
  int seconds_left = 0;   ///< for locked, and for wrong when this attempt started a lockout
};

/// Rate limiter around verify_pin() with an injected steady clock.
class PinGuard {
public:
  using Clock = std::chrono::steady_clock;
  static constexpr int free_attempts = 3;
  static constexpr std::chrono::seconds first_lockout{30};
  static constexpr std::chrono::seconds max_lockout{15 * 60};

  explicit PinGuard(std::string pin_hash = {});

  /// Replace the hash (after the host changed the PIN). Keeps the attempt counter.
  void set_hash(std::string pin_hash) { hash_ = std::move(pin_hash); }
  const std::string& hash() const { return hash_; }

  /// Check a PIN. While locked returns {locked, seconds_left} without checking.
  PinResult submit(std::string_view pin, Clock::time_point now);

  /// Seconds until the pad unlocks (rounded up), 0 when not locked.
  int seconds_locked(Clock::time_point now) const;
  int failed_attempts() const { return failed_; }

  /// Lockout length after `failed` wrong attempts in a row (0 for failed < 3).
  static std::chrono::seconds lockout_for(int failed);

  /// State to store in Settings::pin_lock; lockout converted to wall clock.
  PinLockState persisted(Clock::time_point now, std::int64_t now_unix_s) const;
  /// Restore after a restart; a stored lockout further than max_lockout in the future is clamped
  /// (wall clock moved backwards).
  void restore(const PinLockState& s, Clock::time_point now, std::int64_t now_unix_s);

private:
  std::string hash_;
  int failed_ = 0;
  Clock::time_point locked_until_{};
  bool locked_ = false;
};

/// The PIN pad's entry model: digits entered so far, max pin_max_digits.
class PinPad {
public:
  /// Append digit 0..9; ignored when full or out of range. Returns false when ignored.
  bool press_digit(int digit);
  void backspace();
  void clear();
  std::size_t length() const { return entered_.size(); }
  bool can_submit() const { return entered_.size() >= pin_min_digits; }
  /// "••••" — one U+2022 per entered digit, for display.
  std::string masked() const;
  /// Submit to `guard` and clear the entry (also on success).
  PinResult submit(PinGuard& guard, PinGuard::Clock::time_point now);

private:
  std::string entered_;
};

} // namespace bk::kiosk::host
