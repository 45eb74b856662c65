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
    CHECK(w.error().message.rfind("cannot create /nonexistent-dir/feed.json.tmp-", 0) == 0);
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

TEST_CASE("the temp file is created exclusively: a planted symlink is never followed, modes are set") {
    auto dir = std::filesystem::path(BUURTKAART_BINARY_DIR) / "test-tmp" / "atomic-symlink";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "feed.json").string();
    const std::string victim = (dir / "victim").string();
    REQUIRE(write_file_atomically(victim, "precious"));
    std::filesystem::create_symlink(victim, path + ".tmp-XXXXXX");
    std::filesystem::create_symlink(victim, path);  // the target itself is a link
    REQUIRE(write_file_atomically(path, "new", {.mode = 0600}));
    CHECK(read_file(victim).value() == "precious");
    CHECK(std::filesystem::is_regular_file(std::filesystem::symlink_status(path)));
    CHECK((std::filesystem::status(path).permissions() & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    CHECK(read_file(path).value() == "new");
    // A cache write makes its folders and skips fsync.
    const std::string nested = (dir / "a" / "b" / "tile").string();
    REQUIRE(write_file_atomically(nested, "t", {.durable = false, .create_directories = true}));
    CHECK(read_file(nested).value() == "t");
}
