#include "map/markers.hpp"
#include "map/web_mercator_grid.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

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

TEST_CASE("real Delfshaven transit stops: many merge at z13, split apart at z18, taps find their stop") {
    const std::filesystem::path file = std::filesystem::path(BUURTKAART_SHARED_DIR) / "data/delfshaven_transit_stops.geojson";
    if (!std::filesystem::exists(file)) {
        MESSAGE("skipped: " << file.string() << " not present (needs ../shared)");
        return;
    }
    std::ifstream in(file);
    const auto doc = nlohmann::json::parse(in);
    std::vector<LonLat> stops;
    for (const auto& f : doc.at("features")) {
        const auto& c = f.at("geometry").at("coordinates");
        const LonLat p{c.at(0).get<double>(), c.at(1).get<double>()};
        if (p.lon_deg >= 4.42 && p.lon_deg <= 4.49 && p.lat_deg >= 51.90 && p.lat_deg <= 51.93) stops.push_back(p);
    }
    REQUIRE(stops.size() > 50);
    WebMercatorGrid grid;
    const auto pts = *to_grid_points(grid, stops);
    Viewport view = *Viewport::create(grid, LonLat{4.455, 51.915}, 13.0, ScreenSize{1920, 1080});
    const auto far = cluster_markers(project_markers(view, pts), 40.0, view.screen());
    view.set_zoom(18.0);
    const auto px18 = project_markers(view, pts);
    const auto near = cluster_markers(px18, 40.0, view.screen());
    std::size_t members_far = 0;
    for (const auto& c : far) members_far += c.members.size();
    CHECK(members_far == stops.size());  // at z13 the whole box is on screen
    CHECK(far.size() < stops.size() / 2);
    // At z18 only part of the box is visible, and what is visible is mostly single stops.
    std::size_t members_near = 0;
    for (const auto& c : near) members_near += c.members.size();
    CHECK(near.size() * 2 > members_near);
    // A tap on a visible single stop hits the cluster that holds it.
    for (std::size_t i = 0; i < near.size(); ++i) {
        if (!near[i].is_single()) continue;
        const auto hit = hit_test(near, px18[near[i].members[0]]);
        REQUIRE(hit.has_value());
        CHECK(*hit == i);
        break;
    }
}
