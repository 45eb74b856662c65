#include "map/gesture_recognizer.hpp"
#include "map/web_mercator_grid.hpp"

#include <doctest/doctest.h>

using namespace bk::map;

namespace {
PointerEvent ev(PointerPhase ph, int id, double x, double y, double t) { return {ph, id, x, y, t}; }
std::vector<GestureType> types(const std::vector<Gesture>& gs) {
    std::vector<GestureType> out;
    for (const auto& g : gs) out.push_back(g.type);
    return out;
}
}  // namespace

TEST_CASE("short touch without movement is a tap at the release point") {
    GestureRecognizer r;
    CHECK(types(r.feed(ev(PointerPhase::Down, 0, 100, 100, 0.0))) == std::vector{GestureType::TouchDown});
    r.feed(ev(PointerPhase::Move, 0, 104, 102, 0.05));  // within slop
    const auto up = r.feed(ev(PointerPhase::Up, 0, 104, 102, 0.1));
    REQUIRE(up.size() == 1);
    CHECK(up[0].type == GestureType::Tap);
    CHECK(up[0].position == ScreenPoint{104, 102});
}

TEST_CASE("two quick taps close together: Tap then DoubleTap; far apart: two Taps") {
    GestureRecognizer r;
    r.feed(ev(PointerPhase::Down, 0, 100, 100, 0.0));
    CHECK(types(r.feed(ev(PointerPhase::Up, 0, 100, 100, 0.08))) == std::vector{GestureType::Tap});
    r.feed(ev(PointerPhase::Down, 0, 110, 105, 0.2));
    CHECK(types(r.feed(ev(PointerPhase::Up, 0, 110, 105, 0.26))) == std::vector{GestureType::DoubleTap});
    r.feed(ev(PointerPhase::Down, 0, 100, 100, 1.0));
    r.feed(ev(PointerPhase::Up, 0, 100, 100, 1.05));
    r.feed(ev(PointerPhase::Down, 0, 400, 100, 1.15));
    CHECK(types(r.feed(ev(PointerPhase::Up, 0, 400, 100, 1.2))) == std::vector{GestureType::Tap});
}

TEST_CASE("holding still fires LongPress with its position, and the release is no tap") {
    GestureRecognizer r;
    r.feed(ev(PointerPhase::Down, 3, 300, 200, 10.0));
    CHECK(r.update(10.3).empty());
    const auto lp = r.update(10.7);
    REQUIRE(lp.size() == 1);
    CHECK(lp[0].type == GestureType::LongPress);
    CHECK(lp[0].position == ScreenPoint{300, 200});
    CHECK(r.update(11.0).empty());  // only once
    CHECK(r.feed(ev(PointerPhase::Up, 3, 300, 200, 11.2)).empty());
}

TEST_CASE("drag reports deltas that sum to the finger's movement and a release velocity") {
    GestureRecognizer r;
    r.feed(ev(PointerPhase::Down, 0, 100, 100, 0.0));
    double sum_x = 0, sum_y = 0;
    for (int i = 1; i <= 10; ++i) {
        for (const Gesture& g : r.feed(ev(PointerPhase::Move, 0, 100 + 10.0 * i, 100 - 5.0 * i, 0.01 * i))) {
            CHECK(g.type == GestureType::Drag);
            sum_x += g.delta_px.x_px;
            sum_y += g.delta_px.y_px;
        }
    }
    CHECK(sum_x == doctest::Approx(100));
    CHECK(sum_y == doctest::Approx(-50));
    const auto up = r.feed(ev(PointerPhase::Up, 0, 210, 45, 0.11));
    REQUIRE(up.size() == 1);
    CHECK(up[0].type == GestureType::DragEnd);
    CHECK(up[0].velocity_px_s.x_px == doctest::Approx(1000).epsilon(0.01));  // 10 px per 10 ms
    CHECK(up[0].velocity_px_s.y_px == doctest::Approx(-500).epsilon(0.01));
}

TEST_CASE("finger that rests before lifting has no fling velocity") {
    GestureRecognizer r;
    r.feed(ev(PointerPhase::Down, 0, 100, 100, 0.0));
    r.feed(ev(PointerPhase::Move, 0, 200, 100, 0.05));
    const auto up = r.feed(ev(PointerPhase::Up, 0, 200, 100, 0.5));
    REQUIRE(up.size() == 1);
    CHECK(up[0].velocity_px_s == ScreenPoint{0, 0});
}

TEST_CASE("two fingers spreading give Pinch with scale and midpoint; lifting one ends it") {
    GestureRecognizer r;
    r.feed(ev(PointerPhase::Down, 1, 400, 300, 0.0));
    r.feed(ev(PointerPhase::Down, 2, 600, 300, 0.01));
    const auto p = r.feed(ev(PointerPhase::Move, 2, 800, 300, 0.05));
    REQUIRE(p.size() == 1);
    CHECK(p[0].type == GestureType::Pinch);
    CHECK(p[0].scale == doctest::Approx(2.0));
    CHECK(p[0].from_px == ScreenPoint{500, 300});
    CHECK(p[0].position == ScreenPoint{600, 300});
    CHECK(types(r.feed(ev(PointerPhase::Up, 2, 800, 300, 0.1))) == std::vector{GestureType::PinchEnd});
    // The remaining finger drags on without a jump.
    const auto d = r.feed(ev(PointerPhase::Move, 1, 410, 300, 0.12));
    REQUIRE(d.size() == 1);
    CHECK(d[0].type == GestureType::Drag);
    CHECK(d[0].delta_px == ScreenPoint{10, 0});
    CHECK(r.feed(ev(PointerPhase::Up, 1, 410, 300, 0.5)).front().type == GestureType::DragEnd);
}

TEST_CASE("apply_gesture: pinch zooms the viewport, double tap animates +1, touch stops a fling") {
    WebMercatorGrid grid;
    Viewport view = *Viewport::create(grid, LonLat{4.45, 51.915}, 15.0, ScreenSize{1920, 1080});
    GestureRecognizer r;
    r.feed(ev(PointerPhase::Down, 1, 800, 500, 0.0));
    r.feed(ev(PointerPhase::Down, 2, 1000, 500, 0.0));
    const GridPoint under_mid = view.to_grid({900, 500});
    for (const Gesture& g : r.feed(ev(PointerPhase::Move, 2, 1200, 500, 0.05))) apply_gesture(view, g);
    CHECK(view.zoom() == doctest::Approx(16.0));
    const ScreenPoint now = view.to_screen(under_mid);
    CHECK(now.x_px == doctest::Approx(1000));  // the old midpoint's map point follows to the new midpoint
    CHECK(now.y_px == doctest::Approx(500));
    r.reset();
    Gesture dt{GestureType::DoubleTap, {960, 540}};
    apply_gesture(view, dt);
    for (int i = 0; i < 30; ++i) view.update(1.0 / 60);
    CHECK(view.zoom() == doctest::Approx(17.0));
    view.fling({2000, 0});
    CHECK(view.is_animating());
    apply_gesture(view, Gesture{GestureType::TouchDown, {1, 1}});
    CHECK_FALSE(view.is_animating());
}
