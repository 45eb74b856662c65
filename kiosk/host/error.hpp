// error.hpp — the small error type of bk::kiosk::host.
//
// Usage: functions that can fail on input return std::expected<T, Error>; `message` names the input
// (file, field, text), the value found and what was expected, ready to show in a log or host screen.
// Thread: plain value type, safe to pass between threads.
#pragma once

#include <string>

namespace bk::kiosk::host {

enum class ErrorKind {
  io,            ///< file could not be read/written/renamed
  parse,         ///< file is not valid JSON / not the expected shape
  invalid_value, ///< a value is out of range or of the wrong type
  too_long,      ///< input is longer than the component can take (QR payload, PIN)
  crypto,        ///< libsodium failed (out of memory for the password hash)
  system,        ///< a system call failed (socket, sd_notify)
  timeout,       ///< work took longer than its cap (speech synthesis)
  cancelled,     ///< work was stopped on request (speech synthesis)
};

struct Error {
  ErrorKind kind = ErrorKind::io;
  std::string message;
};

/// Short lower-case name of a kind, for logs ("io", "parse", ...).
const char* to_string(ErrorKind kind);

} // namespace bk::kiosk::host
