#include "map/tile_source_info.hpp"
#include "map_test_support.hpp"

#include <doctest/doctest.h>
#include <test_http_server.hpp>

using namespace bk::map;

TEST_CASE("presets carry name, template, attribution, zoom range and grid") {
    const TileSourceInfo grijs = pdok_brt_source(PdokLayer::Grijs);
    CHECK(grijs.url_template == "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png");
    CHECK(attribution_text(grijs) == "Kaartgegevens © Kadaster");
    CHECK(grijs.grid == GridKind::WebMercator);
    CHECK(pdok_brt_source(PdokLayer::Standaard).url_template.find("/standaard/EPSG:3857/") != std::string::npos);
    CHECK(pdok_brt_source(PdokLayer::Pastel).id == "pdok-pastel");

    const TileSourceInfo osm = osm_source();
    CHECK(osm.url_template == "https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    CHECK(attribution_text(osm) == "© OpenStreetMap contributors");
    CHECK(osm.min_cache_freshness >= std::chrono::days(7));  // OSM tile usage policy
    CHECK(osm_source("https://tiles.example.org/{z}/{x}/{y}.png").url_template == "https://tiles.example.org/{z}/{x}/{y}.png");

    const TileSourceInfo offline = offline_source("/opt/tiles");
    CHECK(offline.kind == SourceKind::LocalFolder);
    CHECK(attribution_text(offline) == "© OpenStreetMap contributors · 3D BAG (CC BY 4.0) · Gemeente Rotterdam");
    CHECK(offline.min_zoom == 13);
    CHECK(offline.max_zoom == 18);
}

TEST_CASE("make_tile_source builds a folder source for offline and a cached HTTP chain otherwise") {
    test::TempDir dir("info-factory");
    test::write_file(dir.path() / "pack/13/4197/2709.png", {1, 2, 3});
    auto offline = make_tile_source(offline_source(dir.path() / "pack"), dir.path() / "cache");
    REQUIRE(offline.has_value());
    auto r = (*offline)->fetch(TileId{13, 4197, 2709});
    REQUIRE(r.has_value());
    CHECK(r->bytes == TileBytes{1, 2, 3});

    const auto png = test::make_png(4, 4, 1, 2, 3);
    test_support::TestHttpServer server([&](const test_support::HttpRequest&) {
        test_support::HttpResponse res;
        res.body.assign(png.begin(), png.end());
        return res;
    });
    auto http = make_tile_source(osm_source(server.url("/{z}/{x}/{y}.png")), dir.path() / "cache");
    REQUIRE(http.has_value());
    REQUIRE((*http)->fetch(TileId{16, 1, 2}).has_value());
    REQUIRE((*http)->fetch(TileId{16, 1, 2}).has_value());
    CHECK(server.request_count() == 1);  // second one from the disk cache (7-day minimum)
    CHECK(std::filesystem::exists(dir.path() / "cache/osm/16/1/2.tile"));
}

TEST_CASE("bad templates are InvalidArgument errors naming the source") {
    TileSourceInfo info = osm_source("ftp://x/{z}/{x}/{y}.png");
    auto r = make_tile_source(info, "/tmp");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == ErrorKind::InvalidArgument);
    CHECK(r.error().message == "tile source 'osm': template 'ftp://x/{z}/{x}/{y}.png' must start with http:// or https://");
}
