#include "kiosk/host/error.hpp"

namespace bk::kiosk::host {

const char* to_string(ErrorKind kind) {
  switch (kind) {
  case ErrorKind::io: return "io";
  case ErrorKind::parse: return "parse";
  case ErrorKind::invalid_value: return "invalid_value";
  case ErrorKind::too_long: return "too_long";
  case ErrorKind::crypto: return "crypto";
  case ErrorKind::system: return "system";
  case ErrorKind::timeout: return "timeout";
  case ErrorKind::cancelled: return "cancelled";
  }
  return "unknown";
}

} // namespace bk::kiosk::host
