// MapCamera over bk::map::Viewport: one projection (WebMercatorGrid), offset map area, clamping.
#include <doctest/doctest.h>

#include <cmath>

#include "kiosk/map_camera.hpp"
#include "kiosk_test_support.hpp"
#include "map/web_mercator_grid.hpp"

using namespace bk::kiosk;

TEST_CASE("map camera projects lon/lat like the map module's Web Mercator grid, offset by its area") {
    MapCamera cam;
    cam.set_screen(0, 80, 1280, 720);
    cam.look_at(4.45, 51.91, 15.0);
    const ImVec2 c = cam.to_screen(4.45, 51.91);
    CHECK(c.x == doctest::Approx(640).epsilon(1e-4));
    CHECK(c.y == doctest::Approx(80 + 360).epsilon(1e-4));

    bk::map::WebMercatorGrid grid;
    const auto g = grid.to_grid(bk::map::LonLat{4.46, 51.915});
    REQUIRE(g.has_value());
    const auto s = cam.viewport().to_screen(*g);
    const ImVec2 p = cam.to_screen(4.46, 51.915);
    CHECK(p.x == doctest::Approx(s.x_px).epsilon(1e-5));
    CHECK(p.y == doctest::Approx(80 + s.y_px).epsilon(1e-5));
    // 0.01 deg of longitude at z15: 256 * 2^15 * 0.01 / 360 = 233 px to the right
    CHECK(p.x - c.x == doctest::Approx(256.0 * 32768 * 0.01 / 360).epsilon(1e-3));

    const LonLatDeg back = cam.to_lon_lat(p.x, p.y);
    CHECK(back.lon_deg == doctest::Approx(4.46).epsilon(1e-6));
    CHECK(back.lat_deg == doctest::Approx(51.915).epsilon(1e-6));
}

TEST_CASE("map camera keeps the point under the finger when zooming and clamps zoom and centre") {
    MapCamera cam;
    cam.set_screen(0, 80, 1280, 720);
    cam.look_at(4.45, 51.91, 15.0);
    const LonLatDeg under = cam.to_lon_lat(300, 200);
    cam.zoom_about(1.0, 300, 200);
    CHECK(cam.zoom() == doctest::Approx(16.0));
    const ImVec2 after = cam.to_screen(under.lon_deg, under.lat_deg);
    CHECK(after.x == doctest::Approx(300).epsilon(1e-4));
    CHECK(after.y == doctest::Approx(200).epsilon(1e-4));

    cam.zoom_about(10.0, 640, 440);
    CHECK(cam.zoom() == MapCamera::kMaxZoom);
    cam.zoom_about(-20.0, 640, 440);
    CHECK(cam.zoom() == MapCamera::kMinZoom);

    // Far outside Delfshaven: the centre stays in the box (with its small margin).
    cam.look_at(5.0, 52.5, 15.0);
    CHECK(cam.center().lon_deg <= 4.4951);
    CHECK(cam.center().lat_deg <= 51.9331);
    cam.pan_by_px(1e6, 1e6);  // drag the map far right/down: the centre moves west/north, to the box edge
    CHECK(cam.center().lon_deg == doctest::Approx(4.415).epsilon(1e-6));
    CHECK(cam.center().lat_deg == doctest::Approx(51.933).epsilon(1e-6));
}

TEST_CASE("map camera animates a double-tap zoom and glides after a fling") {
    MapCamera cam;
    cam.set_screen(0, 0, 1280, 800);
    cam.look_at(4.45, 51.91, 15.0);
    cam.animate_zoom_about(1.0, 640, 400);
    CHECK(cam.is_animating());
    for (int i = 0; i < 30 && cam.is_animating(); ++i) cam.update(1.0 / 60);
    CHECK_FALSE(cam.is_animating());
    CHECK(cam.zoom() == doctest::Approx(16.0));

    const double u0 = cam.center_u();
    cam.fling(-800, 0);  // finger moved left fast: the map keeps moving left, the centre east
    CHECK(cam.is_animating());
    cam.update(0.1);
    CHECK(cam.center_u() > u0);
    for (int i = 0; i < 600 && cam.is_animating(); ++i) cam.update(1.0 / 60);
    CHECK_FALSE(cam.is_animating());
}

TEST_CASE("map camera lon/lat helpers are the Web Mercator formulas and survive the poles") {
    CHECK(MapCamera::lon_to_u(0.0) == doctest::Approx(0.5));
    CHECK(MapCamera::lat_to_v(0.0) == doctest::Approx(0.5));
    CHECK(MapCamera::u_to_lon(MapCamera::lon_to_u(4.45)) == doctest::Approx(4.45));
    CHECK(MapCamera::v_to_lat(MapCamera::lat_to_v(51.91)) == doctest::Approx(51.91));
    CHECK(std::isfinite(MapCamera::lat_to_v(90.0)));  // clamped onto the square's edge
    CHECK(MapCamera::lat_to_v(90.0) == doctest::Approx(0.0).epsilon(1e-9));
}

namespace {

std::unique_ptr<KioskSession> map_session() {
    auto s = KioskSession::create(bk::kiosk::test::fixed_options(), /*headless=*/true);
    REQUIRE_MESSAGE(s.has_value(), (s ? "" : s.error()));
    return std::move(*s);
}

// A spot on the map with no venue marker within 80 px (taps there never open a venue).
ImVec2 empty_spot(KioskSession& s) {
    for (float y = 150; y < 500; y += 20)
        for (float x = 300; x < 1000; x += 20) {
            bool free = true;
            for (const auto& v : s.app().model().feed()->venues) {
                const ImVec2 q = s.app().venue_screen_pos(v.id);
                if (std::hypot(q.x - x, q.y - y) < 80) free = false;
            }
            if (free) return ImVec2(x, y);
        }
    return ImVec2(-1, -1);
}

}  // namespace

TEST_CASE("double tap on the map zooms in one level, animated, keeping the tapped point in place") {
    using namespace bk::kiosk::test;
    auto s = map_session();
    FakeTime t;
    run_frames(*s, t, 3);
    const ImVec2 p = empty_spot(*s);
    REQUIRE(p.x >= 0);
    const double before = s->app().camera().zoom();
    const LonLatDeg under = s->app().camera().to_lon_lat(p.x, p.y);
    tap(*s, t, p.x, p.y);
    push_finger(SDL_FINGERDOWN, 1, p.x, p.y, 1280, 800);
    s->step(t.advance());
    push_finger(SDL_FINGERUP, 1, p.x, p.y, 1280, 800);
    s->step(t.advance());
    s->step(t.advance());
    const double mid = s->app().camera().zoom();
    CHECK(mid > before);
    CHECK(mid < before + 1.0);  // still on its way
    CHECK(s->app().wait_timeout_ms(t.now) == 0);  // keeps drawing while animating
    run_frames(*s, t, 12);
    CHECK(s->app().camera().zoom() == doctest::Approx(before + 1.0));
    const ImVec2 after = s->app().camera().to_screen(under.lon_deg, under.lat_deg);
    CHECK(after.x == doctest::Approx(p.x).epsilon(0.002));
    CHECK(after.y == doctest::Approx(p.y).epsilon(0.002));
    CHECK(s->app().screen() == Screen::Map);
}

TEST_CASE("a quick drag keeps gliding after the finger lifts, slows down and stops; a touch stops it") {
    using namespace bk::kiosk::test;
    auto s = map_session();
    FakeTime t;
    run_frames(*s, t, 3);
    auto glide = [&] {
        push_finger(SDL_FINGERDOWN, 1, 700, 400, 1280, 800);
        s->step(t.advance());
        for (int i = 1; i <= 8; ++i) {
            push_finger(SDL_FINGERMOTION, 1, 700 - 20.0f * i, 400, 1280, 800);
            s->step(t.advance());
        }
        push_finger(SDL_FINGERUP, 1, 540, 400, 1280, 800);  // lifted while moving (~600 px/s)
        s->step(t.advance());
    };
    glide();
    const double lifted = s->app().camera().center_u();
    run_frames(*s, t, 3);
    const double later = s->app().camera().center_u();
    CHECK(later > lifted);  // still moving east
    CHECK(s->app().camera().is_animating());
    for (int i = 0; i < 60 && s->app().camera().is_animating(); ++i) s->step(t.advance());  // ~1 s of glide
    CHECK_FALSE(s->app().camera().is_animating());
    const double stopped = s->app().camera().center_u();
    run_frames(*s, t, 5);
    CHECK(s->app().camera().center_u() == stopped);

    glide();
    REQUIRE(s->app().camera().is_animating());
    push_finger(SDL_FINGERDOWN, 1, 640, 300, 1280, 800);
    s->step(t.advance());
    CHECK_FALSE(s->app().camera().is_animating());
    push_finger(SDL_FINGERUP, 1, 640, 300, 1280, 800);
    s->step(t.advance());
}
