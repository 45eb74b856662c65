// Tests of data/publish/source_store.cpp: last good copies per source.
#include <doctest/doctest.h>

#include <filesystem>
#include <unistd.h>

#include "data/publish/source_store.hpp"

using namespace bk::data::publish;

TEST_CASE("source store: saves and returns the last good body with its validators") {
    auto dir = std::filesystem::temp_directory_path() / ("bk_store_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    SourceStore store(dir);
    CHECK_FALSE(store.last_good("schans"));
    REQUIRE(store.save_good("schans", {"BEGIN:VCALENDAR", "\"v1\"", "Mon, 23 Nov 2026 10:00:00 GMT", "https://x/a.ics", "2026-11-23T10:00:00Z"}));
    auto got = store.last_good("schans");
    REQUIRE(got);
    CHECK(got->body == "BEGIN:VCALENDAR");
    CHECK(got->etag == "\"v1\"");
    CHECK(got->last_modified == "Mon, 23 Nov 2026 10:00:00 GMT");
    CHECK(got->origin == "https://x/a.ics");
    REQUIRE(store.save_good("schans", {"NEW", "\"v2\"", "", "https://x/a.ics", ""}));
    CHECK(store.last_good("schans")->etag == "\"v2\"");
    CHECK_FALSE(store.save_good("../evil", {}));
    CHECK_FALSE(is_valid_source_id(".hidden"));
    std::filesystem::remove_all(dir);
}
