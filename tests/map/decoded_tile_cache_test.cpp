#include "map/decoded_tile_cache.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace bk::map;

namespace {
DecodedImage image_of(std::size_t bytes) {
    DecodedImage img;
    img.width_px = int(bytes / 4);
    img.height_px = 1;
    img.rgba.assign(bytes, 0);
    return img;
}
}  // namespace

TEST_CASE("LRU evicts least recently used tiles to stay within the byte budget") {
    DecodedTileCache cache(1000);
    std::vector<TileId> evicted;
    cache.set_on_evict([&](TileId id) { evicted.push_back(id); });
    CHECK(cache.put({1, 0, 0}, image_of(400)));
    CHECK(cache.put({1, 1, 0}, image_of(400)));
    CHECK(cache.get({1, 0, 0}) != nullptr);  // {1,0,0} now most recent
    CHECK(cache.put({1, 0, 1}, image_of(400)));  // needs 400 more: evicts {1,1,0}
    CHECK(cache.bytes() == 800);
    CHECK(cache.contains({1, 0, 0}));
    CHECK_FALSE(cache.contains({1, 1, 0}));
    CHECK(cache.contains({1, 0, 1}));
    REQUIRE(evicted.size() == 1);
    CHECK(evicted[0] == TileId{1, 1, 0});
}

TEST_CASE("peek does not change the eviction order, get does") {
    DecodedTileCache cache(800);
    cache.put({2, 0, 0}, image_of(400));
    cache.put({2, 1, 0}, image_of(400));
    CHECK(cache.peek({2, 0, 0}) != nullptr);
    cache.put({2, 2, 0}, image_of(400));
    CHECK_FALSE(cache.contains({2, 0, 0}));  // peek did not save it
    CHECK(cache.contains({2, 1, 0}));
}

TEST_CASE("replacing a tile updates the byte count; oversized images are refused") {
    DecodedTileCache cache(1000);
    cache.put({3, 0, 0}, image_of(400));
    cache.put({3, 0, 0}, image_of(600));
    CHECK(cache.size() == 1);
    CHECK(cache.bytes() == 600);
    CHECK_FALSE(cache.put({3, 1, 0}, image_of(1004)));
    CHECK(cache.bytes() == 600);
    CHECK(cache.erase({3, 0, 0}));
    CHECK(cache.bytes() == 0);
}

TEST_CASE("shrinking the budget evicts down to it") {
    DecodedTileCache cache(4000);
    for (int i = 0; i < 10; ++i) cache.put({4, i, 0}, image_of(400));
    CHECK(cache.size() == 10);
    cache.set_max_bytes(1200);
    CHECK(cache.size() == 3);
    CHECK(cache.contains({4, 9, 0}));
    CHECK_FALSE(cache.contains({4, 6, 0}));
}
