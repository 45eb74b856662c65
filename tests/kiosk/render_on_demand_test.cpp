// Render on demand must not stop one frame too early: when the loop goes to sleep after a tap, the
// last frame on screen already shows the tap's result (Dear ImGui needs a frame or two after an
// input). Drives KioskSession::step_on_demand, the same decision the real loop makes.
#include <doctest/doctest.h>

#include "kiosk_test_support.hpp"

using namespace bk::kiosk;
using namespace bk::kiosk::test;

namespace {

constexpr int kW = 1280, kH = 800;

// Runs the on-demand loop until it would sleep; returns the frames it drew.
int settle(KioskSession& s, FakeTime& t) {
    int drawn = 0;
    for (int i = 0; i < 200; ++i) {
        if (!s.step_on_demand(t.advance())) return drawn;
        ++drawn;
    }
    FAIL("the render-on-demand loop never went to sleep");
    return drawn;
}

bool same_pixels(const RgbaImage& a, const RgbaImage& b) {
    return a.width_px == b.width_px && a.height_px == b.height_px && a.rgba == b.rgba;
}

}  // namespace

TEST_CASE("after a tap the loop keeps drawing until the result shows, then sleeps; nothing changes later") {
    REQUIRE(offline_tiles_available());
    auto created = KioskSession::create(fixed_options(kW, kH, "agenda"), /*headless=*/true);
    REQUIRE_MESSAGE(created.has_value(), (created ? "" : created.error()));
    KioskSession& s = **created;
    FakeTime t;
    for (int i = 0; i < 400 && !(i >= 2 && s.app().map_complete()); ++i) {
        s.step(t.advance());
        s.app().wait_for_tiles(std::chrono::milliseconds(100));
    }
    REQUIRE(s.app().map_complete());
    settle(s, t);
    CHECK_FALSE(s.step_on_demand(t.advance()));  // idle: nothing due

    for (const char* label : {"Deze week##tab3", "Straks##tab1", "Vandaag##tab2", "Nu bezig##tab0"}) {
        CAPTURE(label);
        const ImVec2 c = s.app().button_centre(label);
        REQUIRE_MESSAGE(c.x > 0, "tab " << label << " not drawn");
        push_finger(SDL_FINGERDOWN, 1, c.x, c.y, kW, kH);
        push_finger(SDL_FINGERUP, 1, c.x, c.y, kW, kH);
        const int drawn = settle(s, t);
        CHECK(drawn >= 2);  // the tap and the frame(s) that show it
        auto slept = s.read_pixels();
        REQUIRE(slept);
        // Forced extra frames must show exactly what the sleeping loop left on screen.
        for (int i = 0; i < 3; ++i) s.step(t.advance());
        auto later = s.read_pixels();
        REQUIRE(later);
        CHECK_MESSAGE(same_pixels(*slept, *later), "the loop slept before the tap's result was drawn");
    }
}
