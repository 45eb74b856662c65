// The kiosk's command line: accepted forms and precise errors.
#include <doctest/doctest.h>

#include "kiosk/cli_options.hpp"

using namespace bk::kiosk;

TEST_CASE("no arguments runs windowed on the embedded default data with offline tiles") {
    auto o = parse_cli({});
    REQUIRE(o.has_value());
    CHECK_FALSE(o->app.fullscreen);
    CHECK_FALSE(o->app.kiosk_mode);
    CHECK(o->app.tiles == "offline");
    CHECK(o->app.language == "nl");
    CHECK(o->app.sample_feed.ends_with("assets/feed/sample_feed.json"));
    CHECK(o->screenshot_path.empty());
}

TEST_CASE("--kiosk forces full screen") {
    auto o = parse_cli({"--kiosk"});
    REQUIRE(o.has_value());
    CHECK(o->app.kiosk_mode);
    CHECK(o->app.fullscreen);
}

TEST_CASE("screenshot options are parsed") {
    auto o = parse_cli({"--screenshot", "a.png", "--size", "1920x1080", "--frames", "5", "--screen",
                        "venue:huiskamer-de-singel", "--lang", "ar", "--tiles", "pdok"});
    REQUIRE(o.has_value());
    CHECK(o->screenshot_path == "a.png");
    CHECK(o->width_px == 1920);
    CHECK(o->height_px == 1080);
    CHECK(o->frames == 5);
    CHECK(o->start_screen == "venue:huiskamer-de-singel");
    CHECK(o->app.language == "ar");
    CHECK(o->app.tiles == "pdok");
}

TEST_CASE("bad values are rejected with messages naming option, value and expectation") {
    CHECK(parse_cli({"--size", "12x"}).error() == "--size '12x': expected WxH between 320x240 and 8192x8192");
    CHECK(parse_cli({"--lang", "de"}).error() == "--lang 'de': expected one of nl, en, tr, pl, pt, ar");
    CHECK(parse_cli({"--tiles", "ftp://x"}).error() ==
          "--tiles 'ftp://x': expected offline, pdok, osm or a URL template containing {z}/{x}/{y}");
    CHECK(parse_cli({"--frames", "0"}).error() == "--frames '0': expected a whole number from 1 to 100000");
    CHECK(parse_cli({"--screen", "home"}).error() ==
          "--screen 'home': expected map, venue:<id>, agenda, nearby, pin or arabic");
    CHECK(parse_cli({"--feed"}).error() == "option --feed needs a value");
    CHECK(parse_cli({"--bogus"}).error().starts_with("unknown argument '--bogus'"));
}
