// qr_code.hpp — QR codes (libqrencode) as a module matrix, and the "take it along" text.
//
// What: make_qr() encodes UTF-8 text (8-bit mode, automatic version) into a square matrix of
// modules including a quiet zone; the kiosk draws each dark module as a filled rectangle (or turns
// the matrix into an RGBA texture). take_along_text() builds what the QR contains for a venue or
// activity: a URL from Settings::take_along_url_template (the publish side's per-venue ICS) or,
// without a template, a short plain-text summary (title, place, time, address).
//
// Minimal use (main thread or worker):
//     auto text = host::take_along_text(info, settings.take_along_url_template);
//     auto qr = host::make_qr(text);                          // std::expected<QrMatrix, Error>
//     if (qr) for (int y..qr->size) for (int x..) if (qr->dark(x, y)) draw_rect(...);
//
// Limits: at most qr_max_bytes (1200) input bytes at error-correction level M (fits version 25 or
// less, still scannable from a kiosk screen); longer input -> ErrorKind::too_long.
// Thread: thread-safe (libqrencode is reentrant for QRcode_encodeString8bit / encodeData).
#pragma once

#include "kiosk/host/error.hpp"

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace bk::kiosk::host {

inline constexpr std::size_t qr_max_bytes = 1200;

enum class QrEcLevel { low, medium, quartile, high };

struct QrMatrix {
  int size = 0;          ///< modules per side, quiet zone included
  int quiet_zone = 0;    ///< light modules around the symbol on each side
  int version = 0;       ///< QR version 1..40 (symbol side = 17 + 4*version)
  std::vector<bool> modules;  ///< row-major, size*size, true = dark
  bool dark(int x, int y) const {
    return x >= 0 && y >= 0 && x < size && y < size && modules[static_cast<std::size_t>(y) * size + x];
  }
};

/// Encode text. Errors: too_long (over qr_max_bytes or over the capacity of version 40 at `ec`),
/// invalid_value (empty text or quiet_zone outside 0..16), system (libqrencode failed otherwise).
std::expected<QrMatrix, Error> make_qr(std::string_view text, int quiet_zone = 4,
                                       QrEcLevel ec = QrEcLevel::medium);

/// What a visitor takes along: fill what is known; empty strings are left out. The publish side
/// writes per-venue calendars as <public base>/ics/venue/<venue-id>.ics, so a typical template is
/// "https://wijkagenda.example.org/ics/venue/{venue_id}.ics".
struct TakeAlongInfo {
  std::string venue_id;   ///< substituted for {venue_id} in the URL template
  std::string activity_id;///< substituted for {activity_id}
  std::string title;      ///< activity title (or venue name when showing a venue)
  std::string place;      ///< venue name
  std::string when;       ///< already formatted local time, e.g. "di 25 nov 14:00–16:00"
  std::string address;    ///< street + number, postcode, city
  std::string url;        ///< an explicit URL (e.g. the activity's own web page): wins over the template
};

/// URL if info.url is set or the template is non-empty (placeholders {venue_id}, {activity_id} are
/// percent-encoded); otherwise "title\nplace\nwhen\naddress" without the empty parts.
std::string take_along_text(const TakeAlongInfo& info, std::string_view url_template);

} // namespace bk::kiosk::host
