#include "map/local_folder_tile_source.hpp"
#include "map/tile_layer.hpp"
#include "map/web_mercator_grid.hpp"
#include "map_test_support.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <set>
#include <thread>

using namespace bk::map;

TEST_CASE("tile layer loads the visible tiles over a few frames, then draws them without fallbacks") {
    WebMercatorGrid grid;
    const Viewport view = *Viewport::create(grid, LonLat{4.45, 51.915}, 15.0, ScreenSize{800, 600});
    test::TempDir dir("layer");
    const auto png = test::make_png(256, 256, 9, 9, 9);
    const TileCover cover = cover_viewport(view.center(), view.zoom(), view.screen(), 13, 17);
    for (const TileId& t : cover.tiles) test::write_file(dir.path() / (to_string(t) + ".png"), png);

    std::atomic<int> notified{0};
    auto layer = TileLayer::create(offline_source(dir.path()), dir.path() / "cache",
                                   {.threads = 2, .notify = [&] { ++notified; }, .cache_bytes = 64u << 20,
                                    .max_results_per_frame = 2});
    REQUIRE(layer.has_value());
    CHECK((*layer)->attribution() == "© OpenStreetMap contributors · 3D BAG (CC BY 4.0) · Gemeente Rotterdam");
    std::set<TileId> arrived;
    FrameTiles f;
    for (int frame = 0; frame < 2000; ++frame) {
        f = (*layer)->frame(view);
        CHECK(f.arrived.size() <= 2);  // the per-frame upload cap
        arrived.insert(f.arrived.begin(), f.arrived.end());
        if (f.plan.to_request.empty()) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK(f.plan.to_request.empty());
    CHECK(arrived == std::set<TileId>(cover.tiles.begin(), cover.tiles.end()));
    CHECK(f.plan.items.size() == cover.tiles.size());
    CHECK(notified == int(cover.tiles.size()));
    CHECK_FALSE((*layer)->is_loading());
    REQUIRE((*layer)->image(cover.tiles[0]) != nullptr);
    CHECK((*layer)->image(cover.tiles[0])->rgba[0] == 9);
}

TEST_CASE("tile layer reports evictions so textures can follow the cache") {
    WebMercatorGrid grid;
    Viewport view = *Viewport::create(grid, LonLat{4.45, 51.915}, 15.0, ScreenSize{256, 256});
    test::TempDir dir("layer-evict");
    const auto png = test::make_png(256, 256, 1, 1, 1);
    for (const TileId& t : tiles_in_rect(*to_grid_rect(grid, kDelfshavenBox), 15)) {
        test::write_file(dir.path() / (to_string(t) + ".png"), png);
    }
    // Room for 4 decoded tiles only.
    TileLayer layer(offline_source(dir.path()), std::make_unique<LocalFolderTileSource>(dir.path()),
                    {.threads = 1, .cache_bytes = 4 * 256 * 256 * 4, .max_results_per_frame = 8});
    std::set<TileId> textures;
    for (int step = 0; step < 6; ++step) {
        for (int frame = 0; frame < 2000; ++frame) {
            FrameTiles f = layer.frame(view);
            for (TileId id : f.evicted) CHECK(textures.erase(id) == 1);
            for (TileId id : f.arrived) textures.insert(id);
            if (f.plan.to_request.empty()) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        view.pan_by(-256, 0);  // next tile column
    }
    CHECK(layer.cache().size() <= 4);
    CHECK(textures.size() == layer.cache().size());
    for (TileId id : textures) CHECK(layer.cache().contains(id));
}

TEST_CASE("missing offline tiles come back as errors, not crashes") {
    WebMercatorGrid grid;
    const Viewport view = *Viewport::create(grid, LonLat{4.45, 51.915}, 15.0, ScreenSize{256, 256});
    test::TempDir dir("layer-missing");
    auto layer = TileLayer::create(offline_source(dir.path()), dir.path() / "cache", {.threads = 1});
    REQUIRE(layer.has_value());
    std::size_t errors = 0;
    for (int frame = 0; frame < 2000 && (errors == 0 || (*layer)->is_loading()); ++frame) {
        errors += (*layer)->frame(view).errors.size();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK(errors >= 1);
    CHECK((*layer)->cache().size() == 0);
}
