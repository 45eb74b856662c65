#include "map/projection.hpp"
#include "map/web_mercator_grid.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

using namespace bk::map;

namespace {

// Independent reference: the slippy-map formula as written on the OSM wiki ("Slippy map tilenames"),
// with ln(tan + sec) instead of the asinh(tan) the grid uses.
TileId reference_tile(double lon_deg, double lat_deg, int z) {
    const double n = std::pow(2.0, z);
    const double lat_rad = lat_deg * std::numbers::pi / 180.0;
    const int x = int(std::floor((lon_deg + 180.0) / 360.0 * n));
    const int y = int(std::floor((1.0 - std::log(std::tan(lat_rad) + 1.0 / std::cos(lat_rad)) / std::numbers::pi) / 2.0 * n));
    return {z, x, y};
}

}  // namespace

TEST_CASE("lon/lat 4.45, 51.91 lies in tile 16/33578/21674") {
    // Reference computed with the formula above (python: x = 33578.098, y = 21674.115).
    // Note: the brief's y = 21554 is lat 52.315 (north of Amsterdam), not 51.91.
    WebMercatorGrid grid;
    const GridPoint g = *grid.to_grid(LonLat{4.45, 51.91});
    const TileId t = tile_at(g, 16);
    CHECK(t == TileId{16, 33578, 21674});
    CHECK(t == reference_tile(4.45, 51.91, 16));
    const WorldPoint w = to_world_px(g, 16);
    CHECK(w.x_px / 256.0 == doctest::Approx(33578.0978).epsilon(1e-9));
    CHECK(w.y_px / 256.0 == doctest::Approx(21674.1153).epsilon(1e-9));
}

TEST_CASE("grid tiles match the reference formula across the Delfshaven box at z13..z18") {
    WebMercatorGrid grid;
    for (int z = 13; z <= 18; ++z) {
        for (double lon = 4.42; lon <= 4.49; lon += 0.0137) {
            for (double lat = 51.90; lat <= 51.93; lat += 0.0061) {
                CHECK(tile_at(*grid.to_grid(LonLat{lon, lat}), z) == reference_tile(lon, lat, z));
            }
        }
    }
}

TEST_CASE("Delfshaven box tile counts are 6, 12, 35, 140, 494, 1924 at z13..z18") {
    WebMercatorGrid grid;
    const GridRect r = *to_grid_rect(grid, kDelfshavenBox);
    CHECK(tiles_in_rect(r, 13).size() == 6);
    CHECK(tiles_in_rect(r, 14).size() == 12);
    CHECK(tiles_in_rect(r, 15).size() == 35);
    CHECK(tiles_in_rect(r, 16).size() == 140);
    CHECK(tiles_in_rect(r, 17).size() == 494);
    CHECK(tiles_in_rect(r, 18).size() == 1924);  // TILES.md says "about 1,900"
}

TEST_CASE("grid agrees with PROJ EPSG:3857 to the millimetre") {
    WebMercatorGrid grid;
    auto proj = GeoConverter::create();
    REQUIRE(proj.has_value());
    for (LonLat p : {LonLat{4.45, 51.91}, LonLat{4.42, 51.90}, LonLat{-73.98, 40.75}, LonLat{151.2, -33.86}}) {
        const WebMercator ours = WebMercatorGrid::to_web_mercator(*grid.to_grid(p));
        const WebMercator theirs = *proj->to_web_mercator(p);
        CHECK(std::abs(ours.x_m - theirs.x_m) < 1e-3);
        CHECK(std::abs(ours.y_m - theirs.y_m) < 1e-3);
    }
}

TEST_CASE("to_lon_lat inverts to_grid and tile bounds are in EPSG:3857 metres") {
    WebMercatorGrid grid;
    const LonLat back = *grid.to_lon_lat(*grid.to_grid(LonLat{4.45, 51.91}));
    CHECK(back.lon_deg == doctest::Approx(4.45).epsilon(1e-12));
    CHECK(back.lat_deg == doctest::Approx(51.91).epsilon(1e-12));
    const NativeBounds b = grid.tile_bounds_native({0, 0, 0});
    CHECK(b.min_x_m == doctest::Approx(-WebMercatorGrid::kHalfExtentM));
    CHECK(b.max_y_m == doctest::Approx(WebMercatorGrid::kHalfExtentM));
    const NativeBounds t = grid.tile_bounds_native({16, 33578, 21674});
    CHECK(t.max_x_m - t.min_x_m == doctest::Approx(2 * WebMercatorGrid::kHalfExtentM / 65536));
}

TEST_CASE("latitude beyond the Mercator square is an InvalidArgument error naming the value") {
    WebMercatorGrid grid;
    auto r = grid.to_grid(LonLat{4.45, 89.0});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == ErrorKind::InvalidArgument);
    CHECK(r.error().message.find("89") != std::string::npos);
}
