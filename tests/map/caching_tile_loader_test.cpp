#include "map/caching_tile_loader.hpp"
#include "map/http_tile_source.hpp"
#include "map_test_support.hpp"

#include <doctest/doctest.h>
#include <test_http_server.hpp>

#include <atomic>
#include <memory>

using namespace bk::map;
using test_support::HttpRequest;
using test_support::HttpResponse;
using test_support::TestHttpServer;

namespace {

std::string as_string(const TileBytes& b) { return std::string(b.begin(), b.end()); }
// A body that passes the default image check: the PNG signature, then text the test can compare.
std::string png_body(const std::string& text) { return std::string("\x89PNG\r\n\x1a\n", 8) + text; }

// A clock the test moves by hand (read by the loader on the test thread only).
struct ManualClock {
    std::shared_ptr<WallClock::time_point> now = std::make_shared<WallClock::time_point>(WallClock::from_time_t(1'700'000'000));
    std::function<WallClock::time_point()> fn() const {
        auto p = now;
        return [p] { return *p; };
    }
    void advance(std::chrono::seconds s) { *now += s; }
};

CachingTileLoader make_loader(const std::string& url_template, const std::filesystem::path& dir, const ManualClock& clock,
                              std::chrono::seconds min_freshness = std::chrono::seconds(0)) {
    HttpTileSourceOptions http;
    http.url_template = url_template;
    http.connect_timeout = std::chrono::milliseconds(500);
    http.total_timeout = std::chrono::milliseconds(2000);
    CachingTileLoaderOptions opts;
    opts.min_freshness = min_freshness;
    opts.clock = clock.fn();
    return CachingTileLoader(std::make_unique<HttpTileSource>(http), DiskCache(dir), opts);
}

}  // namespace

TEST_CASE("fresh cache hit is served from disk without a request") {
    TestHttpServer server([](const HttpRequest&) {
        HttpResponse r;
        r.body = png_body("tile-v1");
        r.headers = {{"Cache-Control", "max-age=3600"}, {"ETag", "\"v1\""}};
        return r;
    });
    test::TempDir dir("loader-fresh");
    ManualClock clock;
    auto loader = make_loader(server.url("/{z}/{x}/{y}.png"), dir.path(), clock);
    // The server's max-age is relative to the real clock; pin our manual clock to now.
    *clock.now = WallClock::now();
    auto first = loader.fetch(TileId{16, 1, 2});
    REQUIRE(first.has_value());
    CHECK_FALSE(first->from_cache);
    CHECK(server.request_count() == 1);
    clock.advance(std::chrono::seconds(60));
    auto second = loader.fetch(TileId{16, 1, 2});
    REQUIRE(second.has_value());
    CHECK(second->from_cache);
    CHECK_FALSE(second->stale);
    CHECK(as_string(second->bytes) == png_body("tile-v1"));
    CHECK(server.request_count() == 1);
}

TEST_CASE("stale tile is revalidated with If-None-Match; 304 refreshes metadata and serves cached bytes") {
    std::atomic<int> full_responses{0};
    TestHttpServer server([&](const HttpRequest& req) {
        HttpResponse r;
        if (req.header("If-None-Match") == "\"v1\"") {
            r.status = 304;
            r.headers = {{"Cache-Control", "max-age=86400"}};
            return r;
        }
        ++full_responses;
        r.body = png_body("tile-v1");
        r.headers = {{"Cache-Control", "max-age=0"}, {"ETag", "\"v1\""}};
        return r;
    });
    test::TempDir dir("loader-etag");
    ManualClock clock;
    *clock.now = WallClock::now();
    auto loader = make_loader(server.url("/{z}/{x}/{y}.png"), dir.path(), clock);
    REQUIRE(loader.fetch(TileId{16, 1, 2}).has_value());
    clock.advance(std::chrono::seconds(5));  // max-age=0: stale now
    auto again = loader.fetch(TileId{16, 1, 2});
    REQUIRE(again.has_value());
    CHECK(again->from_cache);
    CHECK_FALSE(again->stale);
    CHECK(as_string(again->bytes) == png_body("tile-v1"));
    const auto reqs = server.requests();
    REQUIRE(reqs.size() == 2);
    CHECK(reqs[0].header("If-None-Match").empty());
    CHECK(reqs[1].header("If-None-Match") == "\"v1\"");
    CHECK(reqs[1].header("Cache-Control").empty());
    CHECK(reqs[1].header("Pragma").empty());
    CHECK(full_responses == 1);
    // The 304's max-age=86400 was written to disk: the next fetch needs no request.
    auto meta = loader.cache().get({16, 1, 2});
    REQUIRE(meta->has_value());
    CHECK((*meta)->expires > *clock.now + std::chrono::hours(23));
    clock.advance(std::chrono::seconds(3600));
    REQUIRE(loader.fetch(TileId{16, 1, 2}).has_value());
    CHECK(server.request_count() == 2);
}

TEST_CASE("Last-Modified validator is sent back as If-Modified-Since") {
    TestHttpServer server([](const HttpRequest& req) {
        HttpResponse r;
        if (!req.header("If-Modified-Since").empty()) {
            r.status = 304;
            return r;
        }
        r.body = png_body("lm-tile");
        r.headers = {{"Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT"}, {"Expires", "Sun, 06 Nov 1994 09:49:37 GMT"}};
        return r;
    });
    test::TempDir dir("loader-lm");
    ManualClock clock;
    auto loader = make_loader(server.url("/{z}/{x}/{y}.png"), dir.path(), clock);
    REQUIRE(loader.fetch(TileId{14, 3, 4}).has_value());
    auto again = loader.fetch(TileId{14, 3, 4});  // Expires in 1994: stale
    REQUIRE(again.has_value());
    CHECK(as_string(again->bytes) == png_body("lm-tile"));
    const auto reqs = server.requests();
    REQUIRE(reqs.size() == 2);
    CHECK(reqs[1].header("If-Modified-Since") == "Sun, 06 Nov 1994 08:49:37 GMT");
    CHECK(reqs[1].header("If-None-Match").empty());
}

TEST_CASE("network failure serves the stale cached tile; without a copy the error comes through") {
    test::TempDir dir("loader-offline");
    ManualClock clock;
    std::string url_template;
    {
        TestHttpServer server([](const HttpRequest&) {
            HttpResponse r;
            r.body = png_body("last-good");
            r.headers = {{"Cache-Control", "max-age=60"}};
            return r;
        });
        url_template = server.url("/{z}/{x}/{y}.png");
        *clock.now = WallClock::now();
        auto loader = make_loader(url_template, dir.path(), clock);
        REQUIRE(loader.fetch(TileId{16, 5, 5}).has_value());
    }  // server gone: connections are refused
    auto loader = make_loader(url_template, dir.path(), clock);
    clock.advance(std::chrono::seconds(3600));
    auto stale = loader.fetch(TileId{16, 5, 5});
    REQUIRE(stale.has_value());
    CHECK(stale->stale);
    CHECK(stale->from_cache);
    CHECK(as_string(stale->bytes) == png_body("last-good"));
    auto none = loader.fetch(TileId{16, 6, 6});
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().kind == ErrorKind::Network);
}

TEST_CASE("server error on revalidation also serves the stale copy") {
    std::atomic<bool> broken{false};
    TestHttpServer server([&](const HttpRequest&) {
        HttpResponse r;
        if (broken) {
            r.status = 503;
            return r;
        }
        r.body = png_body("v1");
        r.headers = {{"Cache-Control", "max-age=0"}};
        return r;
    });
    test::TempDir dir("loader-503");
    ManualClock clock;
    *clock.now = WallClock::now();
    auto loader = make_loader(server.url("/{z}/{x}/{y}.png"), dir.path(), clock);
    REQUIRE(loader.fetch(TileId{10, 1, 1}).has_value());
    broken = true;
    clock.advance(std::chrono::seconds(10));
    auto r = loader.fetch(TileId{10, 1, 1});
    REQUIRE(r.has_value());
    CHECK(r->stale);
    CHECK(as_string(r->bytes) == png_body("v1"));
}

TEST_CASE("min freshness (OSM policy: 7 days) overrides a short server max-age") {
    TestHttpServer server([](const HttpRequest&) {
        HttpResponse r;
        r.body = png_body("osm");
        r.headers = {{"Cache-Control", "max-age=60"}};
        return r;
    });
    test::TempDir dir("loader-osm");
    ManualClock clock;
    *clock.now = WallClock::now();
    auto loader = make_loader(server.url("/{z}/{x}/{y}.png"), dir.path(), clock, std::chrono::days(7));
    REQUIRE(loader.fetch(TileId{16, 7, 7}).has_value());
    clock.advance(std::chrono::days(6));
    auto r = loader.fetch(TileId{16, 7, 7});
    REQUIRE(r.has_value());
    CHECK(r->from_cache);
    CHECK(server.request_count() == 1);
    clock.advance(std::chrono::days(2));
    REQUIRE(loader.fetch(TileId{16, 7, 7}).has_value());
    CHECK(server.request_count() == 2);
}

TEST_CASE("a 200 that is not an image (captive portal HTML) never replaces the cached tile") {
    std::atomic<bool> portal{false};
    TestHttpServer server([&](const HttpRequest&) {
        HttpResponse r;
        r.body = portal ? std::string("<html>Log in to WiFi</html>") : png_body("good");
        r.headers = {{"Cache-Control", "max-age=0"}};
        return r;
    });
    test::TempDir dir("loader-portal");
    ManualClock clock;
    *clock.now = WallClock::now();
    auto loader = make_loader(server.url("/{z}/{x}/{y}.png"), dir.path(), clock);
    REQUIRE(loader.fetch(TileId{12, 1, 1}).has_value());
    portal = true;
    clock.advance(std::chrono::seconds(10));
    auto r = loader.fetch(TileId{12, 1, 1});
    REQUIRE(r.has_value());
    CHECK(r->stale);
    CHECK(as_string(r->bytes) == png_body("good"));
    CHECK(as_string((*loader.cache().get({12, 1, 1}))->bytes) == png_body("good"));
    auto none = loader.fetch(TileId{12, 2, 2});
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().kind == ErrorKind::Decode);
    CHECK(none.error().message == server.url("/12/2/2.png") + ": HTTP 200 body of 27 bytes is not a PNG image");
}
