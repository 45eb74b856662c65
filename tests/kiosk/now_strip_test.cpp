// What is on now, at a glance: the now/next strip, time-reactive markers, and filters that never
// stay behind for the next visitor. Fixed clock (kiosk_test_support) or --now moments.
#include <doctest/doctest.h>

#include <set>

#include "data/feed_parser.hpp"
#include "data/query.hpp"
#include "kiosk/now_strip.hpp"
#include "kiosk_test_support.hpp"

using namespace bk::kiosk;
using namespace bk::kiosk::test;

namespace {

bk::data::FeedPtr sample_feed() {
    auto f = bk::data::load_feed_file(find_sample_feed());
    REQUIRE_MESSAGE(f.has_value(), (f ? "" : f.error().message));
    return *f;
}

bk::data::UtcTime at(const char* text) {
    auto t = parse_now(text);
    REQUIRE(t.has_value());
    return *t;
}

std::unique_ptr<KioskSession> session_at(const char* now_text, int w = 1280, int h = 800,
                                         const std::string& screen = "map") {
    CliOptions o = fixed_options(w, h, screen);
    const auto t = at(now_text);
    o.app.wall_clock = [t] { return std::chrono::system_clock::time_point(t); };
    auto s = KioskSession::create(o, /*headless=*/true);
    REQUIRE_MESSAGE(s.has_value(), (s ? "" : s.error()));
    return std::move(*s);
}

void tap_button(KioskSession& s, FakeTime& t, const std::string& label) {
    run_frames(s, t, 2);  // auto-sized windows settle over two frames
    const ImVec2 c = s.app().button_centre(label);
    if (c.x <= 0) {
        std::string all;
        for (const auto& [l, r] : registered_button_rects()) all += l + " | ";
        MESSAGE("drawn: " << all);
    }
    REQUIRE_MESSAGE(c.x > 0, "button " << label << " not drawn");
    t.now += std::chrono::milliseconds(400);  // never a double tap
    tap(s, t, c.x, c.y);
}

}  // namespace

TEST_CASE("weekday morning: the strip lists what runs now, nearest first, and what comes later today") {
    const auto feed = sample_feed();
    const auto now = at("2026-11-24T10:30:00+01:00");
    const auto upcoming = bk::data::this_week(*feed, now);
    const bk::data::LatLon home = feed->venues.front().location;
    const NowStripView v = build_now_strip(*feed, upcoming, now, home, 3);
    REQUIRE_FALSE(v.now.empty());
    CHECK(v.now.size() <= 3);
    CHECK(v.now_total >= v.now.size());
    for (const auto& it : v.now) {
        CHECK(it.occurrence.start_utc <= now);
        CHECK(now < it.occurrence.end_utc);
        CHECK_FALSE(it.occurrence.cancelled);
        CHECK(it.walking_min >= 0);
    }
    for (std::size_t i = 1; i < v.now.size(); ++i) CHECK(v.now[i - 1].walking_min <= v.now[i].walking_min);
    REQUIRE_FALSE(v.later.empty());
    for (std::size_t i = 0; i < v.later.size(); ++i) {
        CHECK(v.later[i].occurrence.start_utc > now);
        CHECK(v.later[i].occurrence.start_local.date == bk::data::LocalDate{2026, 11, 24});
        if (i > 0) CHECK(v.later[i - 1].occurrence.start_utc <= v.later[i].occurrence.start_utc);
    }
    CHECK_FALSE(v.next.has_value());  // the day is not over: no "next" line
}

TEST_CASE("Sunday evening: nothing now or later today, the strip says what is next and when") {
    const auto feed = sample_feed();
    const auto now = at("2026-11-29T21:00:00+01:00");
    const auto upcoming = bk::data::this_week(*feed, now);
    const NowStripView v = build_now_strip(*feed, upcoming, now, std::nullopt, 3);
    CHECK(v.now.empty());
    CHECK(v.later.empty());
    REQUIRE(v.next.has_value());
    CHECK(v.next->occurrence.start_utc > now);
    CHECK(v.next->walking_min == -1);  // no home venue given
    // It is the earliest activity that is not cancelled.
    for (const auto& o : upcoming)
        if (!o.cancelled) CHECK(o.start_utc >= v.next->occurrence.start_utc);
}

TEST_CASE("venue times: on now, later today and quiet venues are told apart") {
    const auto feed = sample_feed();
    const auto now = at("2026-11-24T10:30:00+01:00");
    const auto upcoming = bk::data::this_week(*feed, now);
    const auto times = venue_times(*feed, upcoming, now);
    REQUIRE(times.size() == feed->venues.size());
    std::set<VenueTime> seen(times.begin(), times.end());
    CHECK(seen.count(VenueTime::now) == 1);
    CHECK(seen.count(VenueTime::later_today) == 1);
    CHECK(seen.count(VenueTime::quiet) == 1);
    const auto sunday = venue_times(*feed, bk::data::this_week(*feed, at("2026-11-29T21:00")), at("2026-11-29T21:00"));
    for (VenueTime t : sunday) CHECK(t == VenueTime::quiet);
}

TEST_CASE("the start screen shows the strip; tapping a row opens that venue in the very next frame") {
    auto s = session_at("2026-11-24T10:30:00+01:00");
    FakeTime t;
    run_frames(*s, t, 3);
    const NowStripView& v = s->app().now_strip();
    REQUIRE_FALSE(v.now.empty());
    const auto& feed = *s->app().model().feed();
    const std::string first_venue = feed.venues[v.now.front().occurrence.venue].id;
    CHECK(s->app().venue_time(first_venue) == VenueTime::now);
    // The first row sits under the "Nu" title at the top of the strip (right column in landscape).
    const ImVec2 row(1280 - 420 / 2, 84 + 18 + 48 + 40);
    push_finger(SDL_FINGERDOWN, 1, row.x, row.y, 1280, 800);
    push_finger(SDL_FINGERUP, 1, row.x, row.y, 1280, 800);
    s->step(t.advance());  // the down
    s->step(t.advance());  // the up: the tap acts in this frame
    CHECK(s->app().screen() == Screen::Venue);
    CHECK(s->app().selected_venue() == first_venue);
    CHECK(s->app().highlighted_venue() == first_venue);
}

TEST_CASE("filters stay visible, the markers follow them, and 'wis', 'Terug naar start' and idle reset clear them") {
    auto s = session_at("2026-11-24T10:30:00+01:00", 1280, 800, "agenda");
    FakeTime t;
    run_frames(*s, t, 3);
    const auto& feed = *s->app().model().feed();
    auto shown = [&] {
        std::size_t n = 0;
        for (const auto& v : feed.venues) n += s->app().venue_shown(v.id) ? 1 : 0;
        return n;
    };
    const std::size_t all = shown();
    CHECK(all == feed.venues.size());
    CHECK_FALSE(s->app().filters_active());
    auto set_filter = [&] {
        run_frames(*s, t, 2);
        if (s->app().button_centre("##taal").x < 0) tap_button(*s, t, "##filters");  // open the chips
        tap_button(*s, t, "##taal");  // category "Taal"
        run_frames(*s, t, 2);
        REQUIRE(s->app().filters_active());
    };
    set_filter();
    CHECK(shown() < all);  // venues without a language activity leave the map
    CHECK(shown() > 0);

    // The map's filter bar has one button that clears everything.
    tap_button(*s, t, "##clearfilters");
    CHECK_FALSE(s->app().filters_active());
    CHECK(shown() == all);

    // "Terug naar start" clears filters and search as well.
    s->app().open(Screen::Agenda);
    set_filter();
    tap_button(*s, t, "##search");
    tap_button(*s, t, "T");
    REQUIRE(s->app().search_text() == "t");
    tap_button(*s, t, "OK##done");  // the keyboard covers the bottom of the screen while typing
    tap_button(*s, t, "##recenter");
    CHECK_FALSE(s->app().filters_active());
    CHECK(s->app().search_text().empty());
    CHECK(s->app().screen() == Screen::Map);

    // Idle reset clears them too.
    s->app().open(Screen::Agenda);
    set_filter();
    t.now += std::chrono::seconds(120);
    run_frames(*s, t, 2);
    CHECK_FALSE(s->app().filters_active());
    CHECK(s->app().screen() == Screen::Map);
}

TEST_CASE("an empty list says why and offers to clear the filters") {
    auto s = session_at("2026-11-24T10:30:00+01:00", 1280, 800, "nearby");
    FakeTime t;
    run_frames(*s, t, 3);
    s->app().open(Screen::Agenda);
    tap_button(*s, t, "##search");
    for (const char* key : {"Q", "X", "Z", "Q"}) tap_button(*s, t, key);
    REQUIRE(s->app().search_text() == "qxzq");
    tap_button(*s, t, "OK##done");
    s->app().record_texts(true);
    run_frames(*s, t, 1);
    bool said_why = false;
    for (const auto& text : s->app().recorded_texts()) said_why |= text == "Niets gevonden met deze filters of zoekwoorden";
    CHECK(said_why);
    tap_button(*s, t, "##emptyreset");
    CHECK(s->app().search_text().empty());
    // The nearby panel with a search that finds nothing: never a blank panel.
    s->app().open(Screen::Agenda);
    tap_button(*s, t, "##search");
    for (const char* key : {"Q", "X", "Z", "Q"}) tap_button(*s, t, key);
    s->app().open(Screen::Nearby);
    tap_button(*s, t, "##nearbyreset");
    CHECK(s->app().search_text().empty());
}
