// Touch targets: every button on every visitor screen is >= 64 px (15 mm at 1080p), a tapped
// marker is highlighted and centred in the very next frame, and markers closer than a finger
// ask "which one?" instead of guessing.
#include <doctest/doctest.h>

#include <cmath>

#include "kiosk_test_support.hpp"

using namespace bk::kiosk;
using namespace bk::kiosk::test;

namespace {

std::unique_ptr<KioskSession> make(int w, int h, const std::string& screen = "map", const std::string& lang = "nl") {
    CliOptions o = fixed_options(w, h, screen);
    o.app.language = lang;
    o.app.language_given = true;
    auto s = KioskSession::create(o, /*headless=*/true);
    REQUIRE_MESSAGE(s.has_value(), (s ? "" : s.error()));
    return std::move(*s);
}

void tap_label(KioskSession& s, FakeTime& t, const std::string& label) {
    run_frames(s, t, 2);
    const ImVec2 c = s.app().button_centre(label);
    REQUIRE_MESSAGE(c.x > 0, "button " << label << " not drawn");
    t.now += std::chrono::milliseconds(400);
    tap(s, t, c.x, c.y);
}

// Every button drawn in the last frame is at least 64 x 64 px.
void check_targets(KioskSession& s, FakeTime& t, const std::string& where) {
    run_frames(s, t, 2);
    const auto rects = registered_button_rects();
    REQUIRE(rects.size() > 5);
    for (const auto& [label, r] : rects) {
        CAPTURE(where);
        CAPTURE(label);
        CHECK(r.second.x - r.first.x >= kMinTargetPx - 0.5f);
        CHECK(r.second.y - r.first.y >= kMinTargetPx - 0.5f);
    }
}

}  // namespace

TEST_CASE("every target on every visitor screen is at least 64 px at 1080p, landscape and portrait") {
    for (const auto& [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
        for (const char* lang : {"nl", "ar"}) {
            auto s = make(w, h, "map", lang);
            FakeTime t;
            const std::string at = std::to_string(w) + "x" + std::to_string(h) + " " + lang;
            check_targets(*s, t, at + " map");
            tap_label(*s, t, "##lang");
            check_targets(*s, t, at + " language chooser");
            tap_label(*s, t, "##lang");
            s->app().open(Screen::Agenda);
            check_targets(*s, t, at + " agenda");
            tap_label(*s, t, "##filters");
            check_targets(*s, t, at + " agenda filters");
            tap_label(*s, t, "##search");
            check_targets(*s, t, at + " keyboard");
            s->app().open(Screen::Nearby);
            check_targets(*s, t, at + " nearby");
            s->app().open(Screen::Venue, "huiskamer-de-singel");
            check_targets(*s, t, at + " venue");
        }
    }
}

TEST_CASE("the keyboard fits the screen at every size and has the language's letters") {
    for (const auto& [w, h] : {std::pair{1280, 800}, std::pair{1080, 1920}, std::pair{1920, 1080}}) {
        for (const char* lang : {"nl", "tr", "pl", "pt", "ar"}) {
            CAPTURE(w);
            CAPTURE(lang);
            auto s = make(w, h, "agenda", lang);
            FakeTime t;
            tap_label(*s, t, "##search");
            run_frames(*s, t, 2);
            std::size_t keys = 0;
            for (const auto& [label, r] : registered_button_rects()) {
                if (label.find("osk") == std::string::npos && label.size() > 8) continue;
                ++keys;
                CHECK(r.first.x >= 0);
                CHECK(r.second.x <= static_cast<float>(w));  // nothing clipped at the right
                CHECK(r.second.y <= static_cast<float>(h));
            }
            CHECK(keys > 30);
            CHECK(s->app().button_centre("OK##done").x > 0);
        }
    }
    const auto tr = keyboard_rows("tr");
    std::string all;
    for (const auto& row : tr)
        for (const auto& k : row) all += k;
    for (const char* letter : {"\xC3\xA7", "\xC5\x9F", "\xC4\x9F", "\xC4\xB1", "\xC3\xB6", "\xC3\xBC", "0"})
        CHECK(all.find(letter) != std::string::npos);
    all.clear();
    for (const auto& row : keyboard_rows("pl"))
        for (const auto& k : row) all += k;
    for (const char* letter : {"\xC4\x85", "\xC4\x99", "\xC5\x82", "\xC5\xBC"}) CHECK(all.find(letter) != std::string::npos);
    all.clear();
    for (const auto& row : keyboard_rows("ar"))
        for (const auto& k : row) all += k;
    CHECK(all.find("\xD8\xB4") != std::string::npos);  // ش
}

TEST_CASE("typing Turkish letters on the keyboard: every tap counts") {
    auto s = make(1280, 800, "agenda", "tr");
    FakeTime t;
    tap_label(*s, t, "##search");
    for (const char* key : {"##k\xC3\xA7", "A", "Y"}) {
        const ImVec2 c = s->app().button_centre(key);
        REQUIRE_MESSAGE(c.x > 0, "key " << key);
        t.now += std::chrono::milliseconds(450);  // 0.45 s apart, as a visitor typed
        tap(*s, t, c.x, c.y);
    }
    CHECK(s->app().search_text() == "\xC3\xA7" "ay");
}

TEST_CASE("a tapped marker is highlighted and centred in the very next frame") {
    auto s = make(1280, 800);
    FakeTime t;
    run_frames(*s, t, 3);
    s->app().camera().zoom_about(1.0, 580, 380);  // closer in: markers stand apart
    run_frames(*s, t, 2);
    // A lone marker in the free map (no neighbour within 90 px).
    const auto& venues = s->app().model().feed()->venues;
    std::string id;
    for (const auto& v : venues) {
        const ImVec2 p = s->app().venue_screen_pos(v.id);
        if (p.x < 340 || p.x > 820 || p.y < 140 || p.y > 600) continue;
        bool alone = true;
        for (const auto& o : venues)
            if (o.id != v.id) {
                const ImVec2 q = s->app().venue_screen_pos(o.id);
                if (std::hypot(p.x - q.x, p.y - q.y) < 50) alone = false;
            }
        if (alone) {
            id = v.id;
            break;
        }
    }
    REQUIRE_MESSAGE(!id.empty(), "no lone marker in the start view");
    const ImVec2 p = s->app().venue_screen_pos(id);
    push_finger(SDL_FINGERDOWN, 1, p.x, p.y, 1280, 800);
    push_finger(SDL_FINGERUP, 1, p.x, p.y, 1280, 800);
    s->step(t.advance());  // the down
    s->step(t.advance());  // the up: acted on in this frame
    CHECK(s->app().highlighted_venue() == id);
    CHECK(s->app().screen() == Screen::Venue);
    const ImVec2 q = s->app().venue_screen_pos(id);
    // Centred in the map left of the panel (640 px wide at 1280x800).
    CHECK(q.x > 200);
    CHECK(q.x < 560);
}

TEST_CASE("two markers closer than a finger: the tap asks which one") {
    auto s = make(1280, 800);
    FakeTime t;
    run_frames(*s, t, 3);
    const auto& venues = s->app().model().feed()->venues;
    // Zoom in until some pair stands 44-70 px apart (separate markers, one finger between them).
    ImVec2 mid(-1, -1);
    for (int step = 0; step < 8 && mid.x < 0; ++step) {
        for (std::size_t i = 0; i < venues.size() && mid.x < 0; ++i)
            for (std::size_t j = i + 1; j < venues.size(); ++j) {
                const ImVec2 a = s->app().venue_screen_pos(venues[i].id), b = s->app().venue_screen_pos(venues[j].id);
                const float d = std::hypot(a.x - b.x, a.y - b.y);
                if (d > 44 && d < 70 && a.x > 340 && a.x < 820 && a.y > 140 && a.y < 600 && b.x > 340 && b.x < 820 &&
                    b.y > 140 && b.y < 600) {
                    const ImVec2 mid_of((a.x + b.x) / 2, (a.y + b.y) / 2);
                    bool third = false;  // no other marker near (it would join a bubble or the choice)
                    for (std::size_t k = 0; k < venues.size(); ++k) {
                        if (k == i || k == j) continue;
                        const ImVec2 c = s->app().venue_screen_pos(venues[k].id);
                        if (std::hypot(c.x - mid_of.x, c.y - mid_of.y) < 80) third = true;
                    }
                    if (!third) {
                        mid = ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2);
                        break;
                    }
                }
            }
        if (mid.x < 0) {
            s->app().camera().zoom_about(0.5, 580, 370);
            run_frames(*s, t, 1);
        }
    }
    REQUIRE_MESSAGE(mid.x > 0, "no pair of close markers found");
    t.now += std::chrono::seconds(1);
    tap(*s, t, mid.x, mid.y);
    const auto choices = s->app().chooser_venues();
    REQUIRE(choices.size() == 2);
    CHECK(s->app().screen() == Screen::Map);  // nothing guessed
    t.now += std::chrono::seconds(1);
    tap_label(*s, t, "##choose" + std::to_string(*s->app().model().feed()->find_venue(choices[1])));
    CHECK(s->app().screen() == Screen::Venue);
    CHECK(s->app().selected_venue() == choices[1]);
    CHECK(s->app().chooser_venues().empty());
}
