#include "map/draw_plan.hpp"
#include "map/web_mercator_grid.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace bk::map;

namespace {
Viewport view_at(double zoom) {
    WebMercatorGrid grid;
    return *Viewport::create(grid, LonLat{4.45, 51.915}, zoom, ScreenSize{1024, 768});
}
std::set<TileId> all_of(const TileCover& c) { return {c.tiles.begin(), c.tiles.end()}; }
}  // namespace

TEST_CASE("all tiles cached: one full-tile item per visible tile, nothing to request") {
    const Viewport v = view_at(15.0);
    const TileCover cover = cover_viewport(v.center(), v.zoom(), v.screen(), 0, 19);
    const auto cached = all_of(cover);
    const DrawPlan plan = plan_draw(v, [&](TileId t) { return cached.contains(t); }, {0, 19, 6});
    CHECK(plan.z == 15);
    CHECK(plan.items.size() == cover.tiles.size());
    CHECK(plan.to_request.empty());
    for (const DrawItem& d : plan.items) {
        CHECK(d.src_px == ScreenRect{0, 0, 256, 256});
        CHECK(d.dst_px.w_px == doctest::Approx(256.0));
        CHECK_FALSE(d.fallback);
    }
}

TEST_CASE("missing tile is covered by its cached parent's quarter and requested") {
    const Viewport v = view_at(16.0);
    const TileCover cover = cover_viewport(v.center(), v.zoom(), v.screen(), 0, 19);
    const TileId missing = cover.tiles.front();  // the centre tile
    const TileId par = *parent(missing);
    auto cached = all_of(cover);
    cached.erase(missing);
    cached.insert(par);
    const DrawPlan plan = plan_draw(v, [&](TileId t) { return cached.contains(t); }, {0, 19, 6});
    REQUIRE(plan.to_request.size() == 1);
    CHECK(plan.to_request[0] == missing);
    CHECK(plan.missing_uncovered == 0);
    int fallbacks = 0;
    for (const DrawItem& d : plan.items) {
        if (d.tile != par) continue;
        ++fallbacks;
        CHECK(d.fallback);
        CHECK(d.src_px.w_px == 128.0);
        CHECK(d.src_px.x_px == (missing.x % 2) * 128.0);
        CHECK(d.src_px.y_px == (missing.y % 2) * 128.0);
        // Drawn exactly where the missing tile would be: the centre tile contains the screen centre.
        CHECK(d.dst_px.x_px <= 512.0);
        CHECK(d.dst_px.x_px + d.dst_px.w_px >= 512.0);
        CHECK(d.dst_px.w_px == doctest::Approx(256.0));
    }
    CHECK(fallbacks == 1);
}

TEST_CASE("grandparent fallback uses a quarter-of-a-quarter sub-rectangle") {
    const Viewport v = view_at(16.0);
    const TileId missing = cover_viewport(v.center(), v.zoom(), v.screen(), 0, 19).tiles.front();
    const TileId gp = ancestor(missing, 14);
    const DrawPlan plan = plan_draw(v, [&](TileId t) { return t == gp; }, {0, 19, 6});
    bool found = false;
    for (const DrawItem& d : plan.items) {
        if (d.tile == gp && d.dst_px.x_px <= 512 && d.dst_px.x_px + d.dst_px.w_px >= 512 && d.dst_px.y_px <= 384 &&
            d.dst_px.y_px + d.dst_px.h_px >= 384) {
            found = true;
            CHECK(d.src_px.w_px == 64.0);
            CHECK(d.src_px.x_px == (missing.x % 4) * 64.0);
            CHECK(d.src_px.y_px == (missing.y % 4) * 64.0);
        }
    }
    CHECK(found);
    // Tiles outside the grandparent's area stay uncovered; the ones under it do not.
    CHECK(plan.missing_uncovered < plan.to_request.size());
}

TEST_CASE("missing tile with four cached children draws the children in its quadrants") {
    const Viewport v = view_at(15.0);
    const TileCover cover = cover_viewport(v.center(), v.zoom(), v.screen(), 0, 19);
    const TileId missing = cover.tiles.front();
    auto cached = all_of(cover);
    cached.erase(missing);
    for (const TileId& k : children(missing)) cached.insert(k);
    const DrawPlan plan = plan_draw(v, [&](TileId t) { return cached.contains(t); }, {0, 19, 6});
    int kids = 0;
    for (const DrawItem& d : plan.items) {
        if (d.tile.z == 16) {
            ++kids;
            CHECK(d.dst_px.w_px == doctest::Approx(128.0));
            CHECK(d.src_px == ScreenRect{0, 0, 256, 256});
        }
    }
    CHECK(kids == 4);
    CHECK(plan.to_request == std::vector<TileId>{missing});
}

TEST_CASE("nothing cached: everything requested centre first, counted as uncovered") {
    const Viewport v = view_at(15.3);
    const DrawPlan plan = plan_draw(v, [](TileId) { return false; }, {0, 19, 6});
    CHECK(plan.items.empty());
    CHECK(plan.to_request.size() == plan.missing_uncovered);
    CHECK(plan.to_request.front() == tile_at(v.center(), 15));
}

TEST_CASE("over-zoom beyond the source's max level scales the max-level tiles") {
    const Viewport v = view_at(18.0);
    const DrawPlan plan = plan_draw(v, [](TileId t) { return t.z == 17; }, {13, 17, 6});
    CHECK(plan.z == 17);
    CHECK(plan.to_request.empty());
    REQUIRE_FALSE(plan.items.empty());
    CHECK(plan.items[0].dst_px.w_px == doctest::Approx(512.0));
}

TEST_CASE("DecodedTileCache overload sees cached tiles") {
    const Viewport v = view_at(15.0);
    DecodedTileCache cache(1 << 20);
    const TileId centre = tile_at(v.center(), 15);
    cache.put(centre, DecodedImage{1, 1, {0, 0, 0, 0}});
    const DrawPlan plan = plan_draw(v, cache, 0, 19);
    REQUIRE_FALSE(plan.items.empty());
    CHECK(plan.items[0].tile == centre);
    CHECK(std::find(plan.to_request.begin(), plan.to_request.end(), centre) == plan.to_request.end());
}
