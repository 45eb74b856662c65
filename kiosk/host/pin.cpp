// pin.cpp — Argon2id PIN hashing (libsodium) and the exponential lockout.
#include "kiosk/host/pin.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace bk::kiosk::host {

namespace {
bool sodium_ready() {
  static const bool ok = sodium_init() >= 0;  // thread-safe since C++11 (magic statics)
  return ok;
}
} // namespace

bool is_valid_pin(std::string_view pin) {
  return pin.size() >= pin_min_digits && pin.size() <= pin_max_digits &&
         std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::expected<std::string, Error> hash_pin(std::string_view pin) {
  if (!is_valid_pin(pin))
    return std::unexpected(Error{ErrorKind::invalid_value,
                                 "PIN of " + std::to_string(pin.size()) + " characters: expected 4..8 digits"});
  if (!sodium_ready()) return std::unexpected(Error{ErrorKind::crypto, "PIN: sodium_init failed"});
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return std::unexpected(Error{ErrorKind::crypto, "PIN: crypto_pwhash_str failed (out of memory?)"});
  return std::string(out);
}

bool verify_pin(std::string_view hash, std::string_view pin) {
  if (!is_valid_pin(pin)) return false;
  if (hash.empty()) return pin == default_pin;
  if (hash.size() >= crypto_pwhash_STRBYTES || !sodium_ready()) return false;
  char buf[crypto_pwhash_STRBYTES] = {};
  std::memcpy(buf, hash.data(), hash.size());  // NUL-terminated copy
  return crypto_pwhash_str_verify(buf, pin.data(), pin.size()) == 0;
}

bool is_valid_pin_hash(std::string_view hash) {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES || !sodium_ready()) return false;
  char buf[crypto_pwhash_STRBYTES] = {};
  std::memcpy(buf, hash.data(), hash.size());
  // -1: not a valid hash string for a supported algorithm (0/1: valid, parameters equal/differ).
  return crypto_pwhash_str_needs_rehash(buf, crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != -1;
}

bool uses_default_pin(std::string_view hash) { return hash.empty() || verify_pin(hash, default_pin); }

PinGuard::PinGuard(std::string pin_hash) : hash_(std::move(pin_hash)) {}

std::chrono::seconds PinGuard::lockout_for(int failed) {
  if (failed < free_attempts) return std::chrono::seconds(0);
  const int doublings = std::min(failed - free_attempts, 10);  // 30 s * 2^10 is already beyond the cap
  return std::min(max_lockout, first_lockout * (1 << doublings));
}

int PinGuard::seconds_locked(Clock::time_point now) const {
  if (!locked_ || now >= locked_until_) return 0;
  const auto left = locked_until_ - now;
  return int(std::chrono::ceil<std::chrono::seconds>(left).count());
}

PinResult PinGuard::submit(std::string_view pin, Clock::time_point now) {
  if (const int s = seconds_locked(now); s > 0) return {PinResult::Kind::locked, 0, s};
  locked_ = false;
  if (verify_pin(hash_, pin)) {
    failed_ = 0;
    return {PinResult::Kind::ok, free_attempts, 0};
  }
  failed_ = std::min(failed_ + 1, 1000);
  const auto lock = lockout_for(failed_);
  if (lock.count() > 0) {
    locked_ = true;
    locked_until_ = now + lock;
    return {PinResult::Kind::wrong, 0, int(lock.count())};
  }
  return {PinResult::Kind::wrong, free_attempts - failed_, 0};
}

PinLockState PinGuard::persisted(Clock::time_point now, std::int64_t now_unix_s) const {
  PinLockState s;
  s.failed_attempts = failed_;
  const int left = seconds_locked(now);
  s.lockout_until_unix_s = left > 0 ? now_unix_s + left : 0;
  return s;
}

void PinGuard::restore(const PinLockState& s, Clock::time_point now, std::int64_t now_unix_s) {
  failed_ = std::clamp(s.failed_attempts, 0, 1000);
  locked_ = false;
  if (s.lockout_until_unix_s > now_unix_s) {
    const std::int64_t left = std::min<std::int64_t>(s.lockout_until_unix_s - now_unix_s, max_lockout.count());
    locked_ = true;
    locked_until_ = now + std::chrono::seconds(left);
  }
}

bool PinPad::press_digit(int digit) {
  if (digit < 0 || digit > 9 || entered_.size() >= pin_max_digits) return false;
  entered_.push_back(char('0' + digit));
  return true;
}

void PinPad::backspace() {
  if (!entered_.empty()) entered_.pop_back();
}

void PinPad::clear() {
  sodium_memzero(entered_.data(), entered_.size());
  entered_.clear();
}

std::string PinPad::masked() const {
  std::string s;
  for (std::size_t i = 0; i < entered_.size(); ++i) s += "\u2022";
  return s;
}

PinResult PinPad::submit(PinGuard& guard, PinGuard::Clock::time_point now) {
  PinResult r = guard.submit(entered_, now);
  clear();
  return r;
}

} // namespace bk::kiosk::host
