// Monkey test: thousands of random touches, drags and pinches over every screen, with jumps of
// the clock (idle reset, attract mode). Passes when nothing crashes (run it under ASan:
// configure with -DBUURTKAART_SANITIZE=address; CTest entry kiosk_monkey).
#include <doctest/doctest.h>

#include <cstdlib>
#include <random>

#include "kiosk_test_support.hpp"

using namespace bk::kiosk;
using namespace bk::kiosk::test;

namespace {
constexpr int kW = 800, kH = 500;
// Each action is 2..10 touch events. The default 2000 actions send several thousand events;
// KIOSK_MONKEY_ACTIONS overrides (the quick CTest entry uses fewer, the ASan entry the full run).
int monkey_actions() {
    const char* env = std::getenv("KIOSK_MONKEY_ACTIONS");
    const int n = env != nullptr ? std::atoi(env) : 0;
    return n > 0 ? n : 2000;
}
}

TEST_SUITE("monkey") {
    TEST_CASE("thousands of random touches, drags and pinches over all screens finish without a crash") {
        CliOptions o = fixed_options(kW, kH);  // small frames: the software renderer is the cost
        o.app.kiosk_mode = true;                // as on the wall: quit, Escape and Alt+F4 must be ignored
        auto created = KioskSession::create(o, /*headless=*/true);
        REQUIRE_MESSAGE(created.has_value(), (created ? "" : created.error()));
        KioskSession& s = **created;
        FakeTime t;
        std::mt19937 rng(20261124);
        std::uniform_real_distribution<float> xs(0, kW), ys(0, kH);
        std::uniform_int_distribution<int> action(0, 99);
        const Screen screens[] = {Screen::Map, Screen::Venue, Screen::Agenda, Screen::Nearby, Screen::Pin,
                                  Screen::HostSettings};
        const auto& venues = s.app().model().feed()->venues;
        int actions = 0;
        const int kActions = monkey_actions();
        int events = 0;
        for (int i = 0; i < kActions; ++i, ++actions) {
            const int a = action(rng);
            if (a < 50) {  // tap
                push_finger(SDL_FINGERDOWN, 1, xs(rng), ys(rng), kW, kH);
                events += 2;
                s.step(t.advance());
                push_finger(SDL_FINGERUP, 1, xs(rng) * 0.01f + 5, ys(rng) * 0.01f + 5, kW, kH);
            } else if (a < 70) {  // drag
                float x = xs(rng), y = ys(rng);
                push_finger(SDL_FINGERDOWN, 2, x, y, kW, kH);
                events += 6;
                for (int k = 0; k < 4; ++k) {  // 4 moves, one frame every other move
                    if (k % 2 == 0) s.step(t.advance());
                    x += xs(rng) / 20 - 32;
                    y += ys(rng) / 20 - 20;
                    push_finger(SDL_FINGERMOTION, 2, x, y, kW, kH);
                }
                push_finger(SDL_FINGERUP, 2, x, y, kW, kH);
            } else if (a < 80) {  // pinch in or out
                const float cx = xs(rng), cy = ys(rng), d = 20 + xs(rng) / 8;
                push_finger(SDL_FINGERDOWN, 3, cx - d, cy, kW, kH);
                events += 6;
                push_finger(SDL_FINGERDOWN, 4, cx + d, cy, kW, kH);
                const float f = action(rng) < 50 ? 1.3f : 0.7f;
                push_finger(SDL_FINGERMOTION, 3, cx - d * f, cy, kW, kH);
                push_finger(SDL_FINGERMOTION, 4, cx + d * f, cy, kW, kH);
                s.step(t.advance());
                push_finger(SDL_FINGERUP, 3, cx - d * f, cy, kW, kH);
                push_finger(SDL_FINGERUP, 4, cx + d * f, cy, kW, kH);
            } else if (a < 88) {  // jump to a screen (the host screens are behind the PIN otherwise)
                const Screen scr = screens[static_cast<std::size_t>(action(rng)) % 6];
                s.app().open(scr, venues[static_cast<std::size_t>(action(rng)) % venues.size()].id);
            } else if (a < 92) {  // mouse, wheel-less
                events += 2;
                push_mouse_button(SDL_MOUSEBUTTONDOWN, static_cast<int>(xs(rng)), static_cast<int>(ys(rng)));
                s.step(t.advance());
                push_mouse_button(SDL_MOUSEBUTTONUP, static_cast<int>(xs(rng)), static_cast<int>(ys(rng)));
            } else if (a < 94) {  // nobody touches for a while: idle reset, attract mode
                t.now += std::chrono::seconds(30 + action(rng));
            } else if (a < 96) {  // large text / contrast / language change through the real buttons
                const ImVec2 c = s.app().button_centre("A+##large");
                if (c.x > 0) tap(s, t, c.x, c.y);
            }
            s.step(t.advance());
        }
        const long long frames_before = s.app().frames_drawn();
        run_frames(s, t, 5);
        CHECK(actions == kActions);
        // Still alive and drawing after the storm, the agenda still there.
        CHECK(s.app().frames_drawn() > frames_before);
        CHECK(s.app().model().feed());
        CHECK(s.app().model().feed()->venues.size() == venues.size());
        MESSAGE(events << " synthetic touch/mouse events");
        CHECK(s.app().camera().zoom() >= MapCamera::kMinZoom);
        CHECK(s.app().camera().zoom() <= MapCamera::kMaxZoom);
        // A quit only ever follows the host screen's "exit kiosk mode" (the monkey reaches it).
        CHECK_FALSE((s.app().quit_requested() && s.app().kiosk_mode()));
    }
}
