#include "map/disk_cache.hpp"
#include "map_test_support.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace bk::map;

TEST_CASE("disk cache round-trips bytes, validators and expiry") {
    test::TempDir dir("disk-cache");
    DiskCache cache(dir.path());
    const auto t = WallClock::from_time_t(1'700'000'000);
    CHECK(cache.put({16, 1, 2}, CacheEntry{{9, 8, 7}, "\"e1\"", "Sun, 06 Nov 1994 08:49:37 GMT", t + std::chrono::hours(1), t}));
    auto got = cache.get({16, 1, 2});
    REQUIRE(got.has_value());
    REQUIRE(got->has_value());
    CHECK((*got)->bytes == TileBytes{9, 8, 7});
    CHECK((*got)->etag == "\"e1\"");
    CHECK((*got)->last_modified == "Sun, 06 Nov 1994 08:49:37 GMT");
    CHECK((*got)->expires == t + std::chrono::hours(1));
    CHECK((*got)->fetched == t);
    // Atomic writes leave no temp files behind.
    int files = 0;
    for (auto& e : std::filesystem::recursive_directory_iterator(dir.path())) files += e.is_regular_file();
    CHECK(files == 2);
}

TEST_CASE("absent tile is a miss, not an error") {
    test::TempDir dir("disk-cache-miss");
    DiskCache cache(dir.path());
    auto got = cache.get({3, 1, 1});
    REQUIRE(got.has_value());
    CHECK_FALSE(got->has_value());
}

TEST_CASE("a data file whose size differs from the metadata (torn write) counts as a miss") {
    test::TempDir dir("disk-cache-torn");
    DiskCache cache(dir.path());
    const auto t = WallClock::now();
    REQUIRE(cache.put({5, 1, 1}, CacheEntry{{1, 2, 3, 4}, "", "", t, t}));
    test::write_file(cache.data_path({5, 1, 1}), {1, 2});
    auto got = cache.get({5, 1, 1});
    REQUIRE(got.has_value());
    CHECK_FALSE(got->has_value());
}

TEST_CASE("malformed metadata is an Io error naming the file") {
    test::TempDir dir("disk-cache-bad");
    DiskCache cache(dir.path());
    test::write_file(cache.data_path({5, 1, 1}), {1});
    test::write_file(cache.meta_path({5, 1, 1}), {'h', 'i'});
    auto got = cache.get({5, 1, 1});
    REQUIRE_FALSE(got.has_value());
    CHECK(got.error().kind == ErrorKind::Io);
    CHECK(got.error().message.starts_with(cache.meta_path({5, 1, 1}).string() + ": malformed metadata"));
}

TEST_CASE("update_meta refreshes expiry and keeps bytes; missing tile is NotFound") {
    test::TempDir dir("disk-cache-meta");
    DiskCache cache(dir.path());
    const auto t = WallClock::from_time_t(1'700'000'000);
    REQUIRE(cache.put({6, 1, 1}, CacheEntry{{4, 4}, "\"a\"", "", t, t}));
    REQUIRE(cache.update_meta({6, 1, 1}, "\"b\"", "", t + std::chrono::days(7), t + std::chrono::hours(1)));
    auto got = cache.get({6, 1, 1});
    REQUIRE(got->has_value());
    CHECK((*got)->bytes == TileBytes{4, 4});
    CHECK((*got)->etag == "\"b\"");
    CHECK((*got)->expires == t + std::chrono::days(7));
    CHECK((*got)->fetched == t + std::chrono::hours(1));
    auto missing = cache.update_meta({6, 0, 0}, "", "", t, t);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().kind == ErrorKind::NotFound);
}

TEST_CASE("prune keeps the most recently fetched tiles within the byte budget and removes temp files") {
    test::TempDir dir("disk-cache-prune");
    DiskCache cache(dir.path());
    const auto t = WallClock::from_time_t(1'700'000'000);
    for (int i = 0; i < 10; ++i) {
        REQUIRE(cache.put({16, i, 0}, CacheEntry{TileBytes(100, std::uint8_t(i)), "", "", t, t + std::chrono::seconds(i)}));
    }
    test::write_file(dir.path() / "16/0/9.tile.tmp-Ab12Cd", {1});
    auto stats = cache.prune(450);
    REQUIRE(stats.has_value());
    CHECK(stats->kept_bytes == 400);
    CHECK(stats->removed_tiles == 6);
    CHECK(stats->removed_temp_files == 1);
    for (int i = 0; i < 10; ++i) {
        auto got = cache.get({16, i, 0});
        REQUIRE(got.has_value());
        CHECK(got->has_value() == (i >= 6));
    }
}
