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

TEST_CASE("--now pins a screenshot to that moment (offset, UTC or Amsterdam wall time)") {
    using namespace std::chrono;
    const sys_seconds expected = sys_days{year{2026} / November / 24} + hours{9} + minutes{30};
    for (const char* text : {"2026-11-24T10:30:00+01:00", "2026-11-24T09:30:00Z", "2026-11-24T10:30"}) {
        auto o = parse_cli({"--screenshot", "a.png", "--now", text});
        REQUIRE_MESSAGE(o.has_value(), text);
        REQUIRE(o->now_utc.has_value());
        CHECK(*o->now_utc == expected);
        REQUIRE(o->app.wall_clock);
        CHECK(o->app.wall_clock() == system_clock::time_point(expected));
    }
    // Summer time: Amsterdam wall time is UTC+2.
    CHECK(*parse_now("2026-07-05T21:00") == sys_days{year{2026} / July / 5} + hours{19});
}

TEST_CASE("--now without a screenshot starts the live clock there and lets it run") {
    using namespace std::chrono;
    auto o = parse_cli({"--now", "2026-11-29T21:00:00+01:00"});
    REQUIRE(o.has_value());
    const auto start = sys_days{year{2026} / November / 29} + hours{20};
    const auto t = o->app.wall_clock();
    CHECK(t >= start - seconds(1));
    CHECK(t < start + seconds(30));
}

TEST_CASE("--now rejects what is not a time, naming the value") {
    auto o = parse_cli({"--now", "tomorrow"});
    REQUIRE_FALSE(o.has_value());
    CHECK(o.error().starts_with("--now 'tomorrow': expected a time like 2026-11-24T10:30:00+01:00"));
    CHECK_FALSE(parse_cli({}).value().app.wall_clock);  // the real clock (App's default)
}
