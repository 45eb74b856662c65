// Tests the build's baked tile folder (target basemap_tiles): every z13..z17 tile of the box exists as a
// PNG, plus metadata.json with the zoom range and attribution.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "map/basemap/mercator.hpp"

using namespace bk::map::basemap;
namespace fs = std::filesystem;

TEST_CASE("the build baked 6, 12, 35, 140 and 494 PNG tiles at z13..z17 and a metadata.json") {
    const fs::path dir = BUURTKAART_OFFLINE_TILES_DIR;
    REQUIRE_MESSAGE(fs::exists(dir / "metadata.json"), "build target basemap_tiles first: " << dir.string());
    const int expected[] = {6, 12, 35, 140, 494};
    for (int z = 13; z <= 17; ++z) {
        CAPTURE(z);
        int files = 0;
        for (const auto& e : fs::recursive_directory_iterator(dir / std::to_string(z)))
            if (e.is_regular_file() && e.path().extension() == ".png") ++files;
        CHECK(files == expected[z - 13]);
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
    CHECK(ss.str().find("\"max_zoom\": 17") != std::string::npos);
    CHECK(ss.str().find("© OpenStreetMap contributors") != std::string::npos);
}
