#include "map/http_tile_source.hpp"
#include "map/local_folder_tile_source.hpp"
#include "map_test_support.hpp"

#include <doctest/doctest.h>
#include <test_http_server.hpp>

using namespace bk::map;
using test_support::HttpRequest;
using test_support::HttpResponse;
using test_support::TestHttpServer;

namespace {
std::string as_string(const TileBytes& b) { return std::string(b.begin(), b.end()); }
HttpTileSource source_for(const TestHttpServer& server, std::chrono::milliseconds total = std::chrono::milliseconds(3000)) {
    HttpTileSourceOptions o;
    o.url_template = server.url("/tiles/{z}/{x}/{y}.png");
    o.connect_timeout = std::chrono::milliseconds(1000);
    o.total_timeout = total;
    o.max_body_bytes = 1000;
    return HttpTileSource(o);
}
}  // namespace

TEST_CASE("URL templates expand XYZ and WMTS placeholders") {
    CHECK(expand_tile_template("https://a/{z}/{x}/{y}.png", {16, 33578, 21674}) == "https://a/16/33578/21674.png");
    CHECK(expand_tile_template("https://w?TileMatrix={TileMatrix}&TileCol={TileCol}&TileRow={TileRow}", {3, 4, 5}) ==
          "https://w?TileMatrix=3&TileCol=4&TileRow=5");
    CHECK(expand_tile_template("{layer}/{z}", {1, 0, 0}) == "{layer}/1");
}

TEST_CASE("200 returns the body, validators and expiry, and sends our User-Agent without no-cache") {
    TestHttpServer server([](const HttpRequest&) {
        HttpResponse r;
        r.body = "PNGDATA";
        r.headers = {{"ETag", "\"v1\""}, {"Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT"},
                     {"Cache-Control", "public, max-age=3600"}};
        return r;
    });
    auto src = source_for(server);
    const auto before = WallClock::now();
    auto r = src.fetch(TileId{16, 33578, 21674});
    REQUIRE(r.has_value());
    CHECK(as_string(r->bytes) == "PNGDATA");
    CHECK(r->status == TileStatus::Ok);
    CHECK(r->etag == "\"v1\"");
    CHECK(r->last_modified == "Sun, 06 Nov 1994 08:49:37 GMT");
    REQUIRE(r->expires.has_value());
    CHECK(*r->expires >= before + std::chrono::seconds(3599));
    CHECK(r->origin == server.url("/tiles/16/33578/21674.png"));
    const auto reqs = server.requests();
    REQUIRE(reqs.size() == 1);
    CHECK(reqs[0].path == "/tiles/16/33578/21674.png");
    CHECK(reqs[0].header("User-Agent") == "BuurtkaartDelfshaven/0.1 (+https://github.com/buurtkaart-delfshaven)");
    CHECK(reqs[0].header("Cache-Control").empty());
    CHECK(reqs[0].header("Pragma").empty());
    CHECK(reqs[0].header("If-None-Match").empty());
}

TEST_CASE("404 is NotFound and 500 is Server, each message naming URL and status") {
    TestHttpServer server([](const HttpRequest& req) {
        HttpResponse r;
        r.status = req.path.find("/16/") != std::string::npos ? 404 : 500;
        r.body = "nope";
        return r;
    });
    auto src = source_for(server);
    auto missing = src.fetch(TileId{16, 1, 2});
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().kind == ErrorKind::NotFound);
    CHECK(missing.error().message == server.url("/tiles/16/1/2.png") + ": HTTP status 404, expected 200 or 304");
    auto broken = src.fetch(TileId{15, 1, 2});
    REQUIRE_FALSE(broken.has_value());
    CHECK(broken.error().kind == ErrorKind::Server);
    CHECK(broken.error().message == server.url("/tiles/15/1/2.png") + ": HTTP status 500, expected 200 or 304");
}

TEST_CASE("conditional request sends If-None-Match and If-Modified-Since; 304 is NotModified") {
    TestHttpServer server([](const HttpRequest& req) {
        HttpResponse r;
        if (req.header("If-None-Match") == "\"v1\"") {
            r.status = 304;
            r.headers = {{"Cache-Control", "max-age=60"}};
        } else {
            r.body = "x";
        }
        return r;
    });
    auto src = source_for(server);
    auto r = src.fetch(TileRequest{{16, 1, 2}, "\"v1\"", "Sun, 06 Nov 1994 08:49:37 GMT"});
    REQUIRE(r.has_value());
    CHECK(r->status == TileStatus::NotModified);
    CHECK(r->bytes.empty());
    CHECK(r->expires.has_value());
    const auto reqs = server.requests();
    REQUIRE(reqs.size() == 1);
    CHECK(reqs[0].header("If-Modified-Since") == "Sun, 06 Nov 1994 08:49:37 GMT");
}

TEST_CASE("body over the limit is TooLarge, truncated body is Network, slow server is Timeout") {
    TestHttpServer server([](const HttpRequest& req) {
        HttpResponse r;
        if (req.path.find("/1/") != std::string::npos) r.body = std::string(5000, 'x');
        if (req.path.find("/2/") != std::string::npos) {
            r.body = std::string(800, 'y');
            r.truncate_to = 100;
        }
        if (req.path.find("/3/") != std::string::npos) {
            r.body = "late";
            r.delay_ms = 1500;
        }
        return r;
    });
    auto src = source_for(server, std::chrono::milliseconds(400));
    auto big = src.fetch(TileId{1, 0, 0});
    REQUIRE_FALSE(big.has_value());
    CHECK(big.error().kind == ErrorKind::TooLarge);
    CHECK(big.error().message == server.url("/tiles/1/0/0.png") + ": body exceeds 1000 bytes");
    auto cut = src.fetch(TileId{2, 0, 0});
    REQUIRE_FALSE(cut.has_value());
    CHECK(cut.error().kind == ErrorKind::Network);
    CHECK(cut.error().message.starts_with(server.url("/tiles/2/0/0.png") + ": "));
    auto slow = src.fetch(TileId{3, 0, 0});
    REQUIRE_FALSE(slow.has_value());
    CHECK(slow.error().kind == ErrorKind::Timeout);
}

TEST_CASE("connection refused is a Network error naming the URL") {
    int port = 0;
    {
        TestHttpServer server([](const HttpRequest&) { return HttpResponse{}; });
        port = server.port();
    }
    HttpTileSourceOptions o;
    o.url_template = "http://127.0.0.1:" + std::to_string(port) + "/{z}/{x}/{y}.png";
    o.connect_timeout = std::chrono::milliseconds(500);
    HttpTileSource src(o);
    auto r = src.fetch(TileId{1, 1, 1});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == ErrorKind::Network);
    CHECK(r.error().message.starts_with("http://127.0.0.1:" + std::to_string(port) + "/1/1/1.png: "));
}

TEST_CASE("expiry: max-age beats Expires, no-cache is stale now, bad Expires is expired") {
    const auto now = WallClock::from_time_t(1'700'000'000);
    CHECK(*expiry_from_headers("max-age=600", "Sun, 06 Nov 1994 08:49:37 GMT", now) == now + std::chrono::seconds(600));
    CHECK(*expiry_from_headers("", "Sun, 06 Nov 1994 08:49:37 GMT", now) == WallClock::from_time_t(784111777));
    CHECK(*expiry_from_headers("no-cache", "", now) == now);
    CHECK(*expiry_from_headers("", "garbage", now) == now);
    CHECK_FALSE(expiry_from_headers("", "", now).has_value());
    CHECK(format_http_date(WallClock::from_time_t(784111777)) == "Sun, 06 Nov 1994 08:49:37 GMT");
}

TEST_CASE("local folder source reads {z}/{x}/{y}.png and reports a missing tile as NotFound") {
    test::TempDir dir("local-src");
    test::write_file(dir.path() / "15/16789/10837.png", {1, 2, 3});
    LocalFolderTileSource src(dir.path());
    auto r = src.fetch(TileId{15, 16789, 10837});
    REQUIRE(r.has_value());
    CHECK(r->bytes == TileBytes{1, 2, 3});
    auto missing = src.fetch(TileId{15, 0, 0});
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().kind == ErrorKind::NotFound);
    CHECK(missing.error().message.starts_with((dir.path() / "15/0/0.png").string() + ": "));
    auto invalid = src.fetch(TileId{1, 5, 0});
    REQUIRE_FALSE(invalid.has_value());
    CHECK(invalid.error().kind == ErrorKind::InvalidArgument);
}
