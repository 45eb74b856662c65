#include "map/rd_new_grid.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace bk::map;

TEST_CASE("Amersfoort reference point maps to RD (155000, 463000) within 1 m and back") {
    // The RD origin ("Onze Lieve Vrouwetoren", Amersfoort): lon 5.38720621, lat 52.15517440.
    auto geo = GeoConverter::create();
    REQUIRE(geo.has_value());
    const RdNew rd = *geo->to_rd_new(LonLat{5.38720621, 52.15517440});
    CHECK(std::abs(rd.x_m - 155000.0) < 1.0);
    CHECK(std::abs(rd.y_m - 463000.0) < 1.0);
    const LonLat back = *geo->to_lon_lat(RdNew{155000.0, 463000.0});
    CHECK(std::abs(back.lon_deg - 5.38720621) < 2e-5);  // ~1 m
    CHECK(std::abs(back.lat_deg - 52.15517440) < 1e-5);
}

TEST_CASE("RD grid resolution halves per level: 3440.64 m/px at z0, 0.21 at z14") {
    CHECK(RdNewGrid::resolution_m_per_px(0) == doctest::Approx(3440.64));
    CHECK(RdNewGrid::resolution_m_per_px(12) == doctest::Approx(0.84));
    CHECK(RdNewGrid::resolution_m_per_px(14) == doctest::Approx(0.21));
}

TEST_CASE("Delfshaven point's RD tile at z14 matches its pixel math from the origin") {
    auto grid = RdNewGrid::create();
    REQUIRE(grid.has_value());
    auto geo = GeoConverter::create();
    REQUIRE(geo.has_value());
    const LonLat p{4.45, 51.91};
    const RdNew rd = *geo->to_rd_new(p);
    // Rotterdam-Delfshaven is near RD (89 km, 436 km).
    CHECK(rd.x_m > 85000);
    CHECK(rd.x_m < 95000);
    CHECK(rd.y_m > 432000);
    CHECK(rd.y_m < 440000);
    // Independent pixel math: px = (x - origin_x) / res, py = (origin_y - y) / res, tile = px / 256.
    const double res = 3440.64 / 16384.0;
    const int expected_col = int(std::floor((rd.x_m - (-285401.92)) / res / 256.0));
    const int expected_row = int(std::floor((903401.92 - rd.y_m) / res / 256.0));
    const TileId t = tile_at(*grid->to_grid(p), 14);
    CHECK(t == TileId{14, expected_col, expected_row});
    // And the tile's native bounds contain the point.
    const NativeBounds b = grid->tile_bounds_native(t);
    CHECK(b.min_x_m <= rd.x_m);
    CHECK(rd.x_m < b.max_x_m);
    CHECK(b.min_y_m < rd.y_m);
    CHECK(rd.y_m <= b.max_y_m);
    CHECK(b.max_x_m - b.min_x_m == doctest::Approx(256 * res));
}

TEST_CASE("RD grid round-trips lon/lat through grid units") {
    auto grid = RdNewGrid::create();
    REQUIRE(grid.has_value());
    const LonLat back = *grid->to_lon_lat(*grid->to_grid(LonLat{4.45, 51.91}));
    CHECK(back.lon_deg == doctest::Approx(4.45).epsilon(1e-9));
    CHECK(back.lat_deg == doctest::Approx(51.91).epsilon(1e-9));
}
