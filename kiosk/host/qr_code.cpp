// qr_code.cpp — libqrencode wrapper and the "take it along" payload.
#include "kiosk/host/qr_code.hpp"

#include <qrencode.h>

#include <cerrno>
#include <memory>

namespace bk::kiosk::host {

namespace {
QRecLevel to_qr(QrEcLevel ec) {
  switch (ec) {
  case QrEcLevel::low: return QR_ECLEVEL_L;
  case QrEcLevel::medium: return QR_ECLEVEL_M;
  case QrEcLevel::quartile: return QR_ECLEVEL_Q;
  case QrEcLevel::high: return QR_ECLEVEL_H;
  }
  return QR_ECLEVEL_M;
}

// RFC 3986 unreserved characters stay; everything else becomes %XX.
std::string percent_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out += char(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
}
} // namespace

std::expected<QrMatrix, Error> make_qr(std::string_view text, int quiet_zone, QrEcLevel ec) {
  if (text.empty()) return std::unexpected(Error{ErrorKind::invalid_value, "QR: empty text, expected 1.." + std::to_string(qr_max_bytes) + " bytes"});
  if (quiet_zone < 0 || quiet_zone > 16)
    return std::unexpected(Error{ErrorKind::invalid_value, "QR: quiet zone " + std::to_string(quiet_zone) + ", expected 0..16 modules"});
  if (text.size() > qr_max_bytes)
    return std::unexpected(Error{ErrorKind::too_long, "QR: text of " + std::to_string(text.size()) + " bytes, expected at most " +
                                                          std::to_string(qr_max_bytes)});
  errno = 0;
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(int(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0, to_qr(ec)),
      &QRcode_free);
  if (!code) {
    if (errno == ERANGE)
      return std::unexpected(Error{ErrorKind::too_long, "QR: text of " + std::to_string(text.size()) +
                                                            " bytes does not fit a QR code at this error-correction level"});
    return std::unexpected(Error{ErrorKind::system, "QR: QRcode_encodeData failed (errno " + std::to_string(errno) + ")"});
  }
  QrMatrix m;
  m.version = code->version;
  m.quiet_zone = quiet_zone;
  const int w = code->width;
  m.size = w + 2 * quiet_zone;
  m.modules.assign(std::size_t(m.size) * m.size, false);
  for (int y = 0; y < w; ++y)
    for (int x = 0; x < w; ++x)
      m.modules[std::size_t(y + quiet_zone) * m.size + (x + quiet_zone)] = code->data[y * w + x] & 1;  // bit 0 = dark
  return m;
}

std::string take_along_text(const TakeAlongInfo& info, std::string_view url_template) {
  if (!info.url.empty()) return info.url;
  if (!url_template.empty()) {
    std::string url(url_template);
    replace_all(url, "{venue_id}", percent_encode(info.venue_id));
    replace_all(url, "{activity_id}", percent_encode(info.activity_id));
    return url;
  }
  std::string out;
  for (const std::string* part : {&info.title, &info.place, &info.when, &info.address}) {
    if (part->empty()) continue;
    if (!out.empty()) out += '\n';
    out += *part;
  }
  return out;
}

} // namespace bk::kiosk::host
