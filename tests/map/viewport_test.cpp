#include "map/viewport.hpp"
#include "map/web_mercator_grid.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace bk::map;

namespace {
Viewport delfshaven_view(double zoom = 15.0) {
    WebMercatorGrid grid;
    return *Viewport::create(grid, LonLat{4.45, 51.915}, zoom, ScreenSize{1920, 1080});
}
void check_same(ScreenPoint a, ScreenPoint b, double tol = 1e-6) {
    CHECK(std::abs(a.x_px - b.x_px) < tol);
    CHECK(std::abs(a.y_px - b.y_px) < tol);
}
}  // namespace

TEST_CASE("screen centre shows the viewport centre; to_grid inverts to_screen") {
    Viewport v = delfshaven_view();
    check_same(v.to_screen(v.center()), ScreenPoint{960, 540});
    const GridPoint g = v.to_grid({100, 200});
    check_same(v.to_screen(g), ScreenPoint{100, 200});
}

TEST_CASE("pan keeps the map point under the finger under the finger") {
    Viewport v = delfshaven_view();
    const ScreenPoint finger{800, 500};
    const GridPoint under = v.to_grid(finger);
    v.pan_by(37.5, -22.25);
    check_same(v.to_screen(under), ScreenPoint{837.5, 477.75});
}

TEST_CASE("zoom around a point keeps that point fixed on screen") {
    Viewport v = delfshaven_view(15.0);
    const ScreenPoint finger{1300, 300};
    const GridPoint under = v.to_grid(finger);
    v.zoom_around(finger, 0.75);
    CHECK(v.zoom() == doctest::Approx(15.75));
    check_same(v.to_screen(under), finger);
    v.zoom_around(finger, -1.25);
    check_same(v.to_screen(under), finger);
}

TEST_CASE("pinch: midpoint's map point follows the fingers, spread doubles the scale = +1 zoom") {
    Viewport v = delfshaven_view(15.0);
    const ScreenPoint from{900, 500}, to{950, 520};
    const GridPoint under = v.to_grid(from);
    v.pinch(from, to, 2.0);
    CHECK(v.zoom() == doctest::Approx(16.0));
    check_same(v.to_screen(under), to);
}

TEST_CASE("zoom is clamped to [13, 18] and centre to the Delfshaven box") {
    Viewport v = delfshaven_view(15.0);
    v.zoom_around({960, 540}, 10);
    CHECK(v.zoom() == 18.0);
    v.zoom_around({960, 540}, -10);
    CHECK(v.zoom() == 13.0);
    v.pan_by(-1e7, 0);  // far east
    WebMercatorGrid grid;
    const LonLat c = *grid.to_lon_lat(v.center());
    CHECK(c.lon_deg == doctest::Approx(4.49));
    v.pan_by(0, -1e7);  // far south
    CHECK(grid.to_lon_lat(v.center())->lat_deg == doctest::Approx(51.90));
}

TEST_CASE("double-tap zoom animates over 250 ms with the tap point fixed, then stops") {
    Viewport v = delfshaven_view(15.0);
    const ScreenPoint tap{500, 400};
    const GridPoint under = v.to_grid(tap);
    v.animate_zoom(tap, 1.0);
    CHECK(v.is_animating());
    v.update(0.1);
    CHECK(v.zoom() > 15.0);
    CHECK(v.zoom() < 16.0);
    check_same(v.to_screen(under), tap, 1e-6);
    v.update(0.1);
    v.update(0.1);
    CHECK_FALSE(v.is_animating());
    CHECK(v.zoom() == doctest::Approx(16.0));
    check_same(v.to_screen(under), tap, 1e-6);
}

TEST_CASE("kinetic pan decays exponentially and stops below the threshold") {
    Viewport v = delfshaven_view(16.0);
    const GridPoint start = v.center();
    v.fling({1000, 0});
    REQUIRE(v.is_animating());
    v.update(0.1);
    // After 0.1 s at decay 4/s: v = 1000 e^-0.4 = 670.3; moved (1000/4)(1 - e^-0.4) = 82.42 px.
    CHECK(v.kinetic_velocity().x_px == doctest::Approx(670.32).epsilon(1e-3));
    const double moved_px = (start.u - v.center().u) * v.world_px_per_unit();
    CHECK(moved_px == doctest::Approx(82.42).epsilon(1e-3));
    for (int i = 0; i < 200 && v.is_animating(); ++i) v.update(1.0 / 60);
    CHECK_FALSE(v.is_animating());
    // Total distance approaches v0 / k = 250 px, never more.
    const double total_px = (start.u - v.center().u) * v.world_px_per_unit();
    CHECK(total_px < 250.0);
    CHECK(total_px > 240.0);
}

TEST_CASE("slow flings do not start motion; touching stops a fling") {
    Viewport v = delfshaven_view(16.0);
    v.fling({5, 5});
    CHECK_FALSE(v.is_animating());
    v.fling({800, 300});
    CHECK(v.is_animating());
    v.stop_motion();
    CHECK_FALSE(v.is_animating());
}
