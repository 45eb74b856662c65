#include "map/markers.hpp"
#include "map/web_mercator_grid.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace bk::map;

TEST_CASE("markers project to screen: the viewport centre lands mid-screen") {
    WebMercatorGrid grid;
    const Viewport view = *Viewport::create(grid, LonLat{4.45, 51.915}, 16.0, ScreenSize{1000, 800});
    const std::vector<LonLat> venues{{4.45, 51.915}, {4.451, 51.915}};
    const auto pts = to_grid_points(grid, venues);
    REQUIRE(pts.has_value());
    const auto px = project_markers(view, *pts);
    CHECK(px[0].x_px == doctest::Approx(500));
    CHECK(px[0].y_px == doctest::Approx(400));
    // 0.001 deg of longitude at z16 = 256 * 2^16 * 0.001 / 360 = 46.6 px to the east.
    CHECK(px[1].x_px - px[0].x_px == doctest::Approx(256.0 * 65536 * 0.001 / 360));
    CHECK(px[1].y_px == doctest::Approx(400));
}

TEST_CASE("a point outside the grid is an error naming the marker index") {
    WebMercatorGrid grid;
    const std::vector<LonLat> bad{{4.45, 51.9}, {4.45, 89.5}};
    auto pts = to_grid_points(grid, bad);
    REQUIRE_FALSE(pts.has_value());
    CHECK(pts.error().message.starts_with("marker 1 at (4.45, 89.5): "));
}

TEST_CASE("overlapping markers cluster; far ones stay single; centre is the members' mean") {
    const std::vector<ScreenPoint> px{{100, 100}, {120, 100}, {500, 500}, {110, 130}, {900, 100}};
    const auto clusters = cluster_markers(px, 40.0);
    REQUIRE(clusters.size() == 3);
    CHECK(clusters[0].members == std::vector<std::size_t>{0, 1, 3});
    CHECK(clusters[0].center_px.x_px == doctest::Approx(110));
    CHECK(clusters[0].center_px.y_px == doctest::Approx(110));
    CHECK(clusters[1].members == std::vector<std::size_t>{2});
    CHECK(clusters[1].is_single());
    CHECK(clusters[2].members == std::vector<std::size_t>{4});
}

TEST_CASE("markers far off screen are not clustered when the screen is given") {
    const std::vector<ScreenPoint> px{{100, 100}, {-500, 100}, {100, 5000}};
    CHECK(cluster_markers(px, 40.0, ScreenSize{1000, 800}).size() == 1);
    CHECK(cluster_markers(px, 40.0).size() == 3);
}

TEST_CASE("tap hits the nearest cluster within the 24 px touch radius, misses beyond") {
    const std::vector<ScreenPoint> px{{100, 100}, {140, 100}};
    const auto clusters = cluster_markers(px, 30.0);  // two singles 40 px apart
    REQUIRE(clusters.size() == 2);
    CHECK(hit_test(clusters, {115, 100}) == std::optional<std::size_t>{0});
    CHECK(hit_test(clusters, {125, 100}) == std::optional<std::size_t>{1});
    CHECK(hit_test(clusters, {100, 123}) == std::optional<std::size_t>{0});
    CHECK_FALSE(hit_test(clusters, {100, 125}).has_value());
    CHECK_FALSE(hit_test(std::vector<MarkerCluster>{}, {0, 0}).has_value());
}
