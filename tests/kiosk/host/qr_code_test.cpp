// qr_code_test.cpp — QR module matrix size, quiet zone, finder patterns; take-along payload.
#include "kiosk/host/qr_code.hpp"

#include <doctest/doctest.h>

using namespace bk::kiosk::host;

namespace {
// Finder pattern (ISO/IEC 18004 §6.3.3): 7x7 dark ring, light ring, 3x3 dark core; light separator.
void check_finder(const QrMatrix& m, int x0, int y0) {
  for (int y = 0; y < 7; ++y)
    for (int x = 0; x < 7; ++x) {
      const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
      const bool core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
      CAPTURE(x);
      CAPTURE(y);
      CHECK(m.dark(x0 + x, y0 + y) == (ring || core));
    }
}
} // namespace

TEST_CASE("a URL becomes a square matrix with quiet zone and three finder patterns") {
  auto r = make_qr("https://buurtkaart.example.nl/ics/buurthuis-het-klooster.ics");
  REQUIRE(r.has_value());
  const QrMatrix& m = *r;
  CHECK(m.version >= 1);
  CHECK(m.quiet_zone == 4);
  CHECK(m.size == 17 + 4 * m.version + 8);
  CHECK(m.modules.size() == std::size_t(m.size * m.size));
  const int q = m.quiet_zone, w = m.size - 2 * q;
  check_finder(m, q, q);
  check_finder(m, q + w - 7, q);
  check_finder(m, q, q + w - 7);
  // Quiet zone all light; no finder in the bottom-right corner.
  for (int i = 0; i < m.size; ++i) {
    CHECK_FALSE(m.dark(i, 0));
    CHECK_FALSE(m.dark(0, i));
    CHECK_FALSE(m.dark(i, m.size - 1));
  }
  CHECK_FALSE(m.dark(-1, 0));
  CHECK_FALSE(m.dark(m.size, 0));
}

TEST_CASE("longer text needs a higher version; quiet zone is configurable") {
  auto small = make_qr("hi", 0);
  auto big = make_qr(std::string(300, 'x'), 2, QrEcLevel::high);
  REQUIRE(small);
  REQUIRE(big);
  CHECK(small->version == 1);
  CHECK(small->size == 21);
  CHECK(big->version > small->version);
  CHECK(big->size == 17 + 4 * big->version + 4);
}

TEST_CASE("too long, empty, or bad quiet zone input gives a precise error") {
  auto r = make_qr(std::string(qr_max_bytes + 1, 'a'));
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::too_long);
  CHECK(r.error().message.find("1201 bytes") != std::string::npos);
  CHECK(make_qr("").error().kind == ErrorKind::invalid_value);
  CHECK(make_qr("x", 17).error().kind == ErrorKind::invalid_value);
  CHECK(make_qr(std::string(qr_max_bytes, 'a'), 4, QrEcLevel::low).has_value());
}

TEST_CASE("UTF-8 text with Arabic and accents encodes") {
  CHECK(make_qr("Café – \u0645\u0631\u062D\u0628\u0627").has_value());
}

TEST_CASE("take-along text: explicit URL, URL template, or plain-text summary") {
  TakeAlongInfo info;
  info.venue_id = "het klooster";
  info.activity_id = "koffie/ochtend";
  info.title = "Koffieochtend";
  info.place = "Buurthuis Het Klooster";
  info.when = "di 25 nov 10:00–12:00";
  info.address = "Kloosterstraat 1, 3021 AB Rotterdam";
  CHECK(take_along_text(info, "https://x.nl/ics/{venue_id}.ics?a={activity_id}") ==
        "https://x.nl/ics/het%20klooster.ics?a=koffie%2Fochtend");
  CHECK(take_along_text(info, "") ==
        "Koffieochtend\nBuurthuis Het Klooster\ndi 25 nov 10:00–12:00\nKloosterstraat 1, 3021 AB Rotterdam");
  info.when.clear();
  CHECK(take_along_text(info, "") == "Koffieochtend\nBuurthuis Het Klooster\nKloosterstraat 1, 3021 AB Rotterdam");
  info.url = "https://klooster.example/koffie";
  CHECK(take_along_text(info, "https://x.nl/{venue_id}") == "https://klooster.example/koffie");
}
