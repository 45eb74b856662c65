// Scripted input with synthetic SDL events (SDL_PushEvent), a real window (dummy driver) and a
// fake monotonic clock: taps, pinch, idle reset, kiosk-mode quit policy.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>

#include "kiosk_test_support.hpp"

using namespace bk::kiosk;
using namespace bk::kiosk::test;

namespace {

std::unique_ptr<KioskSession> session(bool kiosk = false) {
    CliOptions o = fixed_options();
    o.app.kiosk_mode = kiosk;
    auto s = KioskSession::create(o, /*headless=*/true);
    REQUIRE_MESSAGE(s.has_value(), (s ? "" : s.error()));
    return std::move(*s);
}

// A venue whose marker stands alone (no neighbour within 60 px) in the open middle of the map.
std::string lone_venue(KioskSession& s) {
    const auto& feed = s.app().model().feed();
    REQUIRE(feed != nullptr);
    for (const auto& v : feed->venues) {
        const ImVec2 p = s.app().venue_screen_pos(v.id);
        if (p.x < 200 || p.x > 1000 || p.y < 150 || p.y > 520) continue;
        bool alone = true;
        for (const auto& o : feed->venues) {
            if (o.id == v.id) continue;
            const ImVec2 q = s.app().venue_screen_pos(o.id);
            if (std::hypot(p.x - q.x, p.y - q.y) < 60) alone = false;
        }
        if (alone) return v.id;
    }
    return {};
}

}  // namespace

TEST_CASE("tap on a venue marker opens its venue panel") {
    auto s = session();
    FakeTime t;
    run_frames(*s, t, 3);
    const std::string id = lone_venue(*s);
    REQUIRE_MESSAGE(!id.empty(), "no lone marker in the start view");
    CHECK(s->app().screen() == Screen::Map);
    const ImVec2 p = s->app().venue_screen_pos(id);
    tap(*s, t, p.x + 3, p.y - 2);
    CHECK(s->app().screen() == Screen::Venue);
    CHECK(s->app().selected_venue() == id);
}

TEST_CASE("tap on empty map closes the venue panel again") {
    auto s = session();
    FakeTime t;
    run_frames(*s, t, 3);
    const std::string id = lone_venue(*s);
    const ImVec2 p = s->app().venue_screen_pos(id);
    tap(*s, t, p.x, p.y);
    REQUIRE(s->app().screen() == Screen::Venue);
    // Far from any marker: search a spot with no venue within 80 px on the visible map.
    ImVec2 empty(-1, -1);
    for (float y = 150; y < 500 && empty.x < 0; y += 20)
        for (float x = 340; x < 600 && empty.x < 0; x += 20) {  // right of the legend column
            bool free = true;
            for (const auto& v : s->app().model().feed()->venues) {
                const ImVec2 q = s->app().venue_screen_pos(v.id);
                if (std::hypot(q.x - x, q.y - y) < 80) free = false;
            }
            if (free) empty = ImVec2(x, y);
        }
    REQUIRE(empty.x >= 0);
    t.advance();  // not a double tap
    t.now += std::chrono::seconds(1);
    tap(*s, t, empty.x, empty.y);
    CHECK(s->app().screen() == Screen::Map);
}

TEST_CASE("pinch with two fingers zooms the map in") {
    auto s = session();
    FakeTime t;
    run_frames(*s, t, 3);
    const double before = s->app().camera().zoom();
    const int w = 1280, h = 800;
    const float cx = 500, cy = 400;
    push_finger(SDL_FINGERDOWN, 1, cx - 50, cy, w, h);
    push_finger(SDL_FINGERDOWN, 2, cx + 50, cy, w, h);
    s->step(t.advance());
    s->step(t.advance());
    for (int i = 1; i <= 10; ++i) {
        push_finger(SDL_FINGERMOTION, 1, cx - 50 - 10.0f * i, cy, w, h);
        push_finger(SDL_FINGERMOTION, 2, cx + 50 + 10.0f * i, cy, w, h);
        s->step(t.advance());
    }
    push_finger(SDL_FINGERUP, 1, cx - 150, cy, w, h);
    push_finger(SDL_FINGERUP, 2, cx + 150, cy, w, h);
    run_frames(*s, t, 3);
    // Fingers moved from 100 px apart to 300 px apart: log2(3) = 1.58 zoom levels.
    CHECK(s->app().camera().zoom() == doctest::Approx(before + std::log2(3.0)).epsilon(0.02));
    CHECK(s->app().screen() == Screen::Map);  // a pinch is never a tap
}

TEST_CASE("dragging one finger pans the map") {
    auto s = session();
    FakeTime t;
    run_frames(*s, t, 3);
    const auto before = s->app().camera().center();
    push_finger(SDL_FINGERDOWN, 1, 600, 400, 1280, 800);
    s->step(t.advance());
    for (int i = 1; i <= 10; ++i) {
        push_finger(SDL_FINGERMOTION, 1, 600 - 10.0f * i, 400, 1280, 800);
        s->step(t.advance());
    }
    t.now += std::chrono::milliseconds(500);  // finger rests: no fling
    push_finger(SDL_FINGERUP, 1, 500, 400, 1280, 800);
    run_frames(*s, t, 3);
    const auto after = s->app().camera().center();
    CHECK(after.lon_deg > before.lon_deg);  // content moved left: the view moved east
    CHECK(after.lat_deg == doctest::Approx(before.lat_deg).epsilon(1e-9));
}

TEST_CASE("idle timeout closes panels and returns the map to the start view") {
    auto s = session();
    FakeTime t;
    run_frames(*s, t, 3);
    const auto start = s->app().camera().center();
    const double start_zoom = s->app().camera().zoom();
    s->app().open(Screen::Agenda);
    s->app().camera().zoom_about(1.0, 300, 300);
    s->app().camera().pan_by_px(120, -80);
    run_frames(*s, t, 2);
    REQUIRE(s->app().screen() == Screen::Agenda);
    REQUIRE(s->app().camera().zoom() != doctest::Approx(start_zoom));
    t.now += std::chrono::seconds(60);  // still within the 90 s default
    run_frames(*s, t, 2);
    CHECK(s->app().screen() == Screen::Agenda);
    t.now += std::chrono::seconds(40);  // past 90 s without a touch
    run_frames(*s, t, 2);
    CHECK(s->app().screen() == Screen::Map);
    CHECK(s->app().camera().zoom() == doctest::Approx(start_zoom));
    CHECK(s->app().camera().center().lon_deg == doctest::Approx(start.lon_deg));
    CHECK(s->app().camera().center().lat_deg == doctest::Approx(start.lat_deg));
}

TEST_CASE("attract mode starts after the idle reset and ends at the next touch") {
    auto s = session();
    FakeTime t;
    run_frames(*s, t, 3);
    t.now += std::chrono::seconds(95);
    run_frames(*s, t, 2);  // reset
    t.now += std::chrono::seconds(35);
    run_frames(*s, t, 2);  // attract delay passed
    CHECK(s->app().attract_active());
    tap(*s, t, 640, 400);
    CHECK_FALSE(s->app().attract_active());
    CHECK(s->app().screen() == Screen::Map);  // the waking touch does not act on the map
}

TEST_CASE("outside kiosk mode SDL_QUIT quits") {
    auto s = session(false);
    FakeTime t;
    run_frames(*s, t, 2);
    push_quit();
    s->step(t.advance());
    CHECK(s->app().quit_requested());
}

TEST_CASE("outside kiosk mode closing the window quits") {
    auto s = session(false);
    FakeTime t;
    run_frames(*s, t, 2);
    push_window_close(s->platform().window());
    s->step(t.advance());
    CHECK(s->app().quit_requested());
}

TEST_CASE("in kiosk mode SDL_QUIT, window close, Escape and Alt+F4 do not quit") {
    auto s = session(true);
    FakeTime t;
    run_frames(*s, t, 2);
    CHECK(s->app().kiosk_mode());
    push_quit();
    push_window_close(s->platform().window());
    SDL_Event key{};
    key.type = SDL_KEYDOWN;
    key.key.keysym.sym = SDLK_ESCAPE;
    SDL_PushEvent(&key);
    key.key.keysym.sym = SDLK_F4;
    key.key.keysym.mod = KMOD_LALT;
    SDL_PushEvent(&key);
    run_frames(*s, t, 3);
    CHECK_FALSE(s->app().quit_requested());
}

TEST_CASE("long press in the top-left corner opens the PIN pad") {
    auto s = session(true);
    FakeTime t;
    run_frames(*s, t, 2);
    push_finger(SDL_FINGERDOWN, 7, 20, 20, 1280, 800);
    s->step(t.advance());
    t.now += std::chrono::milliseconds(3100);
    run_frames(*s, t, 2);
    push_finger(SDL_FINGERUP, 7, 20, 20, 1280, 800);
    run_frames(*s, t, 2);
    CHECK(s->app().screen() == Screen::Pin);
}

TEST_CASE("the default PIN 1234 on the pad opens the host settings") {
    auto s = session(true);
    FakeTime t;
    s->app().open(Screen::Pin);
    run_frames(*s, t, 3);
    // Locate the digit buttons from the PIN card's layout: tap 1, 2, 3, 4 then OK by their labels.
    for (const char* label : {"1##d", "2##d", "3##d", "4##d", "OK##ok"}) {
        const ImVec2 c = s->app().button_centre(label);
        REQUIRE_MESSAGE(c.x > 0, "button " << label << " not drawn");
        tap(*s, t, c.x, c.y);
    }
    run_frames(*s, t, 2);
    CHECK(s->app().screen() == Screen::HostSettings);
}

TEST_CASE("a corrupt settings file gives the defaults (kiosk mode stays on) and a warning banner for the host") {
    CliOptions o = fixed_options();
    {
        std::ofstream f(o.app.config_path);
        f << "{ this is not json";
    }
    auto s = KioskSession::create(o, true);
    REQUIRE(s.has_value());
    FakeTime t;
    run_frames(**s, t, 2);
    CHECK_FALSE((*s)->app().config_warning().empty());
    CHECK((*s)->app().language() == "nl");
    CHECK((*s)->app().kiosk_mode());  // a broken file never unlocks a kiosk: the defaults keep kiosk mode on
}

TEST_CASE("the offline map carries the OpenStreetMap attribution") {
    auto s = session();
    FakeTime t;
    run_frames(*s, t, 2);
    CHECK(s->app().tile_attribution().find("OpenStreetMap") != std::string::npos);
}

TEST_CASE("tapping an activity in the agenda centres and highlights its venue on the map") {
    CliOptions o = fixed_options(1280, 800, "agenda");
    auto created = KioskSession::create(o, true);
    REQUIRE(created.has_value());
    KioskSession& s = **created;
    FakeTime t;
    run_frames(s, t, 3);
    REQUIRE(s.app().screen() == Screen::Agenda);
    CHECK(s.app().highlighted_venue().empty());
    // The first row of the list starts under the tabs and the search/filter buttons (see golden agenda.png).
    tap(s, t, 950, 370);
    const std::string venue = s.app().highlighted_venue();
    REQUIRE_FALSE(venue.empty());
    CHECK(s.app().screen() == Screen::Agenda);  // the list stays open beside the map
    const ImVec2 p = s.app().venue_screen_pos(venue);
    // Centred in the part of the map left of the panel.
    CHECK(p.x > 100);
    CHECK(p.x < 640);
    // ... between the top bar and the map buttons at the bottom.
    CHECK(p.y > 84 + 200);
    CHECK(p.y < 800 - 200);
}

TEST_CASE("search in the agenda is typed on the on-screen keyboard") {
    CliOptions o = fixed_options(1280, 800, "agenda");
    auto created = KioskSession::create(o, true);
    REQUIRE(created.has_value());
    KioskSession& s = **created;
    FakeTime t;
    run_frames(s, t, 3);
    const ImVec2 search = s.app().button_centre("Zoeken##search");
    REQUIRE(search.x > 0);
    tap(s, t, search.x, search.y);
    for (const char* key : {"Y", "O", "G", "A"}) {
        const ImVec2 c = s.app().button_centre(key);
        REQUIRE_MESSAGE(c.x > 0, "key " << key << " not drawn");
        t.now += std::chrono::milliseconds(400);  // never a double tap
        tap(s, t, c.x, c.y);
    }
    CHECK(s.app().search_text() == "yoga");
    const ImVec2 back = s.app().button_centre("\xE2\x86\x90##back");
    REQUIRE(back.x > 0);
    tap(s, t, back.x, back.y);
    CHECK(s.app().search_text() == "yog");
}

TEST_CASE("tap on a cluster bubble zooms in around it") {
    auto s = session();
    FakeTime t;
    run_frames(*s, t, 3);
    const auto& venues = s->app().model().feed()->venues;
    // Two markers closer than the cluster radius, in the open map area.
    ImVec2 centre(-1, -1);
    for (std::size_t i = 0; i < venues.size() && centre.x < 0; ++i)
        for (std::size_t j = i + 1; j < venues.size(); ++j) {
            const ImVec2 a = s->app().venue_screen_pos(venues[i].id), b = s->app().venue_screen_pos(venues[j].id);
            if (std::hypot(a.x - b.x, a.y - b.y) < 30 && a.x > 200 && a.x < 1000 && a.y > 150 && a.y < 520) {
                centre = ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2);
                break;
            }
        }
    REQUIRE_MESSAGE(centre.x > 0, "no cluster in the start view");
    const double before = s->app().camera().zoom();
    tap(*s, t, centre.x, centre.y);
    CHECK(s->app().camera().zoom() == doctest::Approx(before + 1.5));
    CHECK(s->app().screen() == Screen::Map);
}

namespace {
void tap_button(KioskSession& s, FakeTime& t, const std::string& label) {
    run_frames(s, t, 2);  // auto-sized ImGui windows settle their size over two frames
    const ImVec2 c = s.app().button_centre(label);
    REQUIRE_MESSAGE(c.x > 0, "button " << label << " not drawn");
    t.now += std::chrono::milliseconds(400);  // never a double tap
    tap(s, t, c.x, c.y);
}
}  // namespace

TEST_CASE("the host changes the PIN on the settings screen; it is saved and the old PIN stops working") {
    CliOptions o = fixed_options();
    o.app.kiosk_mode = true;
    {
        auto created = KioskSession::create(o, true);
        REQUIRE(created.has_value());
        KioskSession& s = **created;
        FakeTime t;
        s.app().open(Screen::Pin);
        for (const char* k : {"1##d", "2##d", "3##d", "4##d", "OK##ok"}) tap_button(s, t, k);
        REQUIRE(s.app().screen() == Screen::HostSettings);
        tap_button(s, t, "Pincode wijzigen##pin");
        for (int round = 0; round < 2; ++round) {
            for (const char* k : {"5", "6", "7", "8"}) tap_button(s, t, k);
            tap_button(s, t, "OK##done");
        }
        run_frames(s, t, 2);
    }
    // A new session reads the saved settings: 1234 is refused, 5678 opens the host screen.
    auto created = KioskSession::create(o, true);
    REQUIRE(created.has_value());
    KioskSession& s = **created;
    FakeTime t;
    s.app().open(Screen::Pin);
    for (const char* k : {"1##d", "2##d", "3##d", "4##d", "OK##ok"}) tap_button(s, t, k);
    CHECK(s.app().screen() == Screen::Pin);
    for (const char* k : {"5##d", "6##d", "7##d", "8##d", "OK##ok"}) tap_button(s, t, k);
    CHECK(s.app().screen() == Screen::HostSettings);
}
