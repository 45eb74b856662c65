#include "map/tile_grid.hpp"
#include "map/web_mercator_grid.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <unordered_set>

using namespace bk::map;

TEST_CASE("TileId is hashable and ordered by z, x, y") {
    std::unordered_set<TileId> set{{16, 1, 2}, {16, 1, 2}, {16, 2, 1}};
    CHECK(set.size() == 2);
    CHECK(TileId{15, 9, 9} < TileId{16, 0, 0});
    CHECK(TileId{16, 1, 5} < TileId{16, 2, 0});
    CHECK(to_string(TileId{16, 33578, 21674}) == "16/33578/21674");
}

TEST_CASE("parent, ancestor and children relate tiles across levels") {
    const TileId t{16, 33578, 21674};
    CHECK(*parent(t) == TileId{15, 16789, 10837});
    CHECK_FALSE(parent(TileId{0, 0, 0}).has_value());
    CHECK(ancestor(t, 13) == TileId{13, 4197, 2709});
    const auto kids = children(TileId{15, 16789, 10837});
    CHECK(kids[0] == TileId{16, 33578, 21674});
    CHECK(kids[3] == TileId{16, 33579, 21675});
    for (const TileId& k : kids) CHECK(*parent(k) == TileId{15, 16789, 10837});
}

TEST_CASE("is_valid rejects tiles outside the matrix") {
    CHECK(is_valid({0, 0, 0}));
    CHECK_FALSE(is_valid({0, 1, 0}));
    CHECK_FALSE(is_valid({3, -1, 0}));
    CHECK_FALSE(is_valid({25, 0, 0}));
    CHECK(is_valid({18, 262143, 262143}));
}

TEST_CASE("viewport cover fetches the nearest integer zoom, centre tile first, covering the screen") {
    WebMercatorGrid grid;
    const GridPoint c = *grid.to_grid(LonLat{4.45, 51.91});
    const TileCover cover = cover_viewport(c, 15.4, ScreenSize{1920, 1080}, 0, 19);
    CHECK(cover.z == 15);
    CHECK(cover.scale == doctest::Approx(std::exp2(0.4)));
    REQUIRE_FALSE(cover.tiles.empty());
    CHECK(cover.tiles.front() == tile_at(c, 15));
    // 1920 / (256 * 1.32) = 5.7 tiles wide -> 6 or 7 columns; 1080 / 338 = 3.2 -> 4 or 5 rows.
    CHECK(cover.tiles.size() >= 24);
    CHECK(cover.tiles.size() <= 35);
    // At 15.6 the cover switches to z16 tiles drawn at 0.76 scale.
    const TileCover up = cover_viewport(c, 15.6, ScreenSize{1920, 1080}, 0, 19);
    CHECK(up.z == 16);
    CHECK(up.scale < 1.0);
    // Source max zoom clamps the fetch level.
    CHECK(cover_viewport(c, 18.0, ScreenSize{800, 600}, 0, 17).z == 17);
}

TEST_CASE("tile bounds and world pixels agree") {
    const GridRect b = tile_bounds({2, 1, 3});
    CHECK(b.min_u == 0.25);
    CHECK(b.max_v == 1.0);
    const WorldPoint w = to_world_px(GridPoint{b.min_u, b.min_v}, 2);
    CHECK(w.x_px == 256.0);
    CHECK(w.y_px == 768.0);
    const GridPoint g = from_world_px(w, 2);
    CHECK(g.u == 0.25);
}

TEST_CASE("lon/lat to world pixel at a fractional zoom and back through a grid") {
    WebMercatorGrid grid;
    const WorldPoint w = *to_world_px(grid, LonLat{4.45, 51.91}, 15.5);
    // At z15.5 the world is 256 * 2^15.5 px wide; x = (4.45 + 180) / 360 of it.
    CHECK(w.x_px == doctest::Approx((4.45 + 180.0) / 360.0 * 256.0 * std::exp2(15.5)));
    const LonLat back = *to_lon_lat(grid, w, 15.5);
    CHECK(back.lon_deg == doctest::Approx(4.45).epsilon(1e-12));
    CHECK(back.lat_deg == doctest::Approx(51.91).epsilon(1e-12));
    CHECK(*tile_for(grid, LonLat{4.45, 51.91}, 16) == TileId{16, 33578, 21674});
    CHECK_FALSE(tile_for(grid, LonLat{0, 87}, 16).has_value());
}
