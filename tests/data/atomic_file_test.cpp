#include <doctest/doctest.h>

#include <filesystem>

#include "data/atomic_file.hpp"

using namespace bk::data;

TEST_CASE("atomic write replaces the file whole and leaves no temp files") {
    auto dir = std::filesystem::path(BUURTKAART_BINARY_DIR) / "test-tmp" / "atomic";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::string path = (dir / "feed.json").string();
    REQUIRE(write_file_atomically(path, "first"));
    REQUIRE(write_file_atomically(path, std::string(100000, 'x')));
    CHECK(read_file(path).value() == std::string(100000, 'x'));
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        (void)e;
        ++files;
    }
    CHECK(files == 1);
}

TEST_CASE("atomic write and read report the path and the reason") {
    auto w = write_file_atomically("/nonexistent-dir/feed.json", "x");
    REQUIRE_FALSE(w);
    CHECK(w.error().kind == ErrorKind::Io);
    CHECK(w.error().message.rfind("cannot create /nonexistent-dir/feed.json.tmp.", 0) == 0);
    CHECK(w.error().message.find("No such file or directory") != std::string::npos);
    auto r = read_file("/nonexistent-dir/feed.json");
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::NotFound);
    CHECK(r.error().message == "cannot open /nonexistent-dir/feed.json: No such file or directory");
    auto dir = std::filesystem::path(BUURTKAART_BINARY_DIR) / "test-tmp" / "atomic-limit";
    std::filesystem::create_directories(dir);
    std::string big = (dir / "big").string();
    REQUIRE(write_file_atomically(big, std::string(2000, 'y')));
    auto limited = read_file(big, 1000);
    REQUIRE_FALSE(limited);
    CHECK(limited.error().message == big + ": file larger than 1000 bytes");
}
