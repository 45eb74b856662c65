// Tests the build's baked tile folder (target basemap_tiles): every tile the kiosk camera can request — any
// centre the Viewport allows, any zoom 13..18, on a 1920x1080 or 1080x1920 screen — exists as a PNG (no
// blank field at the widest zoom, no "No such file"), plus metadata.json with the zoom range and attribution.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "map/basemap/mercator.hpp"
#include "map/tile_grid.hpp"
#include "map/viewport.hpp"
#include "map/web_mercator_grid.hpp"

using namespace bk::map::basemap;
namespace fs = std::filesystem;

namespace {

fs::path tile_path(const bk::map::TileId& t) {
    return fs::path{BUURTKAART_OFFLINE_TILES_DIR} / std::to_string(t.z) / std::to_string(t.x) / (std::to_string(t.y) + ".png");
}

}  // namespace

TEST_CASE("every tile any kiosk camera view can request was baked (z13-z18), including the two reported missing ones") {
    bk::map::WebMercatorGrid grid;
    const fs::path dir = BUURTKAART_OFFLINE_TILES_DIR;
    REQUIRE_MESSAGE(fs::exists(dir / "metadata.json"), "build target basemap_tiles first: " << dir.string());
    std::set<std::tuple<int, int, int>> checked;
    std::size_t missing = 0;
    for (const bk::map::ScreenSize screen : {bk::map::ScreenSize{1920, 1080}, bk::map::ScreenSize{1080, 1920}}) {
        for (double zoom = 13.0; zoom <= 18.0; zoom += 0.05) {
            // Try to look far past every corner and edge: the Viewport clamps the centre into its limits.
            for (double lon : {4.0, 4.455, 5.0})
                for (double lat : {51.5, 51.915, 52.3}) {
                    auto view = bk::map::Viewport::create(grid, {lon, lat}, zoom, screen);
                    REQUIRE(view.has_value());
                    const auto cover = bk::map::cover_viewport(view->center(), view->zoom(), screen, 13, 18);
                    for (const auto& t : cover.tiles) {
                        if (!checked.insert({t.z, t.x, t.y}).second) continue;
                        if (!fs::is_regular_file(tile_path(t))) {
                            ++missing;
                            MESSAGE("missing " << tile_path(t).string());
                        }
                    }
                }
        }
    }
    CHECK(missing == 0);
    CHECK(checked.size() > 1000);
    CHECK(fs::is_regular_file(tile_path({15, 16789, 10839})));
    CHECK(fs::is_regular_file(tile_path({15, 16793, 10836})));
    CHECK(fs::is_regular_file(tile_path({18, 134312, 86699})));  // z18 over Historisch Delfshaven
}

TEST_CASE("baked tiles are PNGs and metadata.json names the zoom range and the attribution") {
    const fs::path dir = BUURTKAART_OFFLINE_TILES_DIR;
    for (int z = 13; z <= 18; ++z) {
        CAPTURE(z);
        const auto r = tile_range_for(delfshaven_box, z);
        const fs::path corner = dir / std::to_string(z) / std::to_string(r.max_x) / (std::to_string(r.max_y) + ".png");
        REQUIRE(fs::exists(corner));
        std::ifstream png{corner, std::ios::binary};
        char sig[8] = {};
        png.read(sig, 8);
        CHECK(std::string(sig + 1, 3) == "PNG");
    }
    std::ifstream meta{dir / "metadata.json"};
    std::stringstream ss;
    ss << meta.rdbuf();
    CHECK(ss.str().find("\"min_zoom\": 13") != std::string::npos);
    CHECK(ss.str().find("\"max_zoom\": 18") != std::string::npos);
    CHECK(ss.str().find("© OpenStreetMap contributors") != std::string::npos);
    CHECK(ss.str().find("Gemeente Rotterdam") != std::string::npos);
    // labels.json: the buurt names' boxes per zoom, e.g. Spangen at z14, inside the Delfshaven box.
    std::ifstream labels{dir / "labels.json"};
    std::stringstream ls;
    ls << labels.rdbuf();
    const auto doc = nlohmann::json::parse(ls.str());
    bool spangen = false;
    for (const auto& l : doc.at("zooms").at("14").at("buurt_labels"))
        if (l.at("text") == "Spangen") {
            spangen = true;
            const auto b = l.at("box_lonlat");
            CHECK(b[0].get<double>() > 4.42);
            CHECK(b[2].get<double>() < 4.49);
            CHECK(b[0].get<double>() < b[2].get<double>());
            CHECK(b[1].get<double>() < b[3].get<double>());
        }
    CHECK(spangen);
    CHECK(doc.at("zooms").at("16").at("street_labels").size() > 100);
}
