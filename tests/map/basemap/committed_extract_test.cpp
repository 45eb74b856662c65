// Tests the committed extract assets/basemap/delfshaven.bkmap (what a fresh clone without ../shared draws),
// and that re-extracting from ../shared gives the same counts (skipped when ../shared is absent).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "map/basemap/basemap_format.hpp"
#include "map/basemap/geojson_extract.hpp"
#include "map/basemap/mercator.hpp"

using namespace bk::map::basemap;
namespace fs = std::filesystem;

TEST_CASE("the committed extract holds the 9 buurten by name, water, >1000 roads and stays under 2 MB") {
    const fs::path path = BUURTKAART_BASEMAP_EXTRACT;
    CHECK(fs::file_size(path) < 2'000'000);
    auto map = read_basemap_file(path);
    REQUIRE_MESSAGE(map.has_value(), map.error().message);
    const std::set<std::string> expected{"Delfshaven", "Bospolder",  "Tussendijken", "Spangen",  "Nieuwe Westen",
                                         "Middelland", "Oud Mathenesse", "Witte Dorp", "Schiemond"};
    std::set<std::string> names;
    for (const auto& b : map->buurten) names.insert(b.name);
    CHECK(map->buurten.size() == 9);
    CHECK(names == expected);
    REQUIRE(map->districts.size() == 1);
    CHECK(map->districts[0].name == "Delfshaven");
    CHECK(map->water.size() > 50);
    CHECK(map->roads.size() > 1000);
    CHECK(map->rails.size() > 100);
    CHECK(map->buildings.size() > 10000);
    CHECK(map->stops.size() > 50);
    const auto bridges = std::count_if(map->roads.begin(), map->roads.end(), [](const Road& r) { return r.bridge; });
    CHECK(bridges > 100);
    // Everything but the boundary files lies in the project box (boundaries reach ~0.007° west of it).
    MercatorBox box = to_mercator(delfshaven_box);
    box = {box.min_x_m - grid_m, box.min_y_m - grid_m, box.max_x_m + grid_m, box.max_y_m + grid_m};
    std::size_t outside = 0;
    for (const auto& r : map->roads)
        for (const auto& p : r.line) outside += box.contains(p) ? 0 : 1;
    for (const auto& b : map->buildings)
        for (const auto& p : b.rings[0]) outside += box.contains(p) ? 0 : 1;
    CHECK(outside == 0);
}

TEST_CASE("the committed extract carries street names, green with named parks, the metro and its stations") {
    auto map = read_basemap_file(BUURTKAART_BASEMAP_EXTRACT);
    REQUIRE_MESSAGE(map.has_value(), map.error().message);
    CHECK(map->street_names.size() == 1666);  // PROVENANCE.md §5: 1,666 named segments, all inside the box
    std::set<std::string> names;
    for (const auto& n : map->street_names) names.insert(n.name);
    CHECK(names.size() == 529);
    CHECK(names.count("Schiedamseweg") == 1);
    CHECK(names.count("Mathenesserlaan") == 1);
    const auto high = std::count_if(map->street_names.begin(), map->street_names.end(),
                                    [](const StreetName& n) { return n.high_confidence; });
    CHECK(high == 1056);
    CHECK(map->green.size() > 790);
    std::set<std::string> parks;
    for (const auto& g : map->green)
        if (g.kind == GreenKind::Park) parks.insert(g.name);
    CHECK(parks.count("Park 1943") == 1);
    CHECK(parks.count("Vroesenpark") == 1);
    CHECK(parks.size() >= 10);
    const auto tunnels = std::count_if(map->metro.begin(), map->metro.end(), [](const MetroLine& m) { return m.tunnel; });
    CHECK(tunnels >= 2);
    CHECK(map->metro.size() > static_cast<std::size_t>(tunnels));
    std::set<std::string> stations;
    for (const auto& s : map->metro_stations) stations.insert(s.name);
    for (const char* s : {"Delfshaven", "Coolhaven", "Marconiplein", "Dijkzigt"}) {
        CAPTURE(s);
        CHECK(stations.count(s) == 1);
    }
    CHECK(stations.count("Van Duylstraat") == 0);  // a tram stop above the metro tunnel, not a station
}

TEST_CASE("re-extracting from ../shared gives the same counts as the committed extract") {
    const fs::path data = fs::path{BUURTKAART_SHARED_DIR} / "data";
    if (!fs::exists(data / "delfshaven_osm_roads.geojson")) {
        MESSAGE("skipped: ../shared/data not found at " << data.string() << " (needed only to rebuild the extract)");
        return;
    }
    ExtractReport rep;
    auto fresh = extract_basemap({.data_dir = data}, &rep);
    REQUIRE_MESSAGE(fresh.has_value(), fresh.error().message);
    auto committed = read_basemap_file(BUURTKAART_BASEMAP_EXTRACT);
    REQUIRE(committed.has_value());
    CHECK(fresh->water.size() == committed->water.size());
    CHECK(fresh->roads.size() == committed->roads.size());
    CHECK(fresh->rails.size() == committed->rails.size());
    CHECK(fresh->buildings.size() == committed->buildings.size());
    CHECK(fresh->buurten.size() == committed->buurten.size());
    CHECK(fresh->stops.size() == committed->stops.size());
    CHECK(fresh->green.size() == committed->green.size());
    CHECK(fresh->street_names.size() == committed->street_names.size());
    CHECK(fresh->metro.size() == committed->metro.size());
    CHECK(rep.roads == 7754);  // PROVENANCE.md: 7,754 road lines, all inside the box
    // The same bytes come out: the extract is deterministic and the committed file is up to date.
    CHECK(encode_basemap(*fresh) == encode_basemap(*committed));
}

TEST_CASE("extracting from a folder without the GeoJSON files names the missing file") {
    const fs::path empty = fs::temp_directory_path() / "basemap_no_data";
    fs::create_directories(empty);
    auto r = extract_basemap({.data_dir = empty});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == bk::map::ErrorKind::NotFound);
    CHECK(r.error().message == (empty / "delfshaven_osm_water.geojson").string() +
                                   ": cannot open (expected a GeoJSON file)");
}

namespace {

// Writes a minimal data folder whose water file is `water_json`; the other files are not reached.
fs::path data_dir_with_water(const std::string& name, const std::string& water_json) {
    const fs::path dir = fs::temp_directory_path() / name;
    fs::create_directories(dir);
    std::ofstream{dir / "delfshaven_osm_water.geojson"} << water_json;
    return dir;
}

}  // namespace

TEST_CASE("broken GeoJSON input is refused with the file, feature index and what was expected") {
    SUBCASE("01 not JSON") {
        const auto dir = data_dir_with_water("basemap_bad_01", "{\"type\": \"FeatureCollection\", \"features\": [");
        auto r = extract_basemap({.data_dir = dir});
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().message == (dir / "delfshaven_osm_water.geojson").string() + ": not valid JSON");
    }
    SUBCASE("02 not a FeatureCollection") {
        const auto dir = data_dir_with_water("basemap_bad_02", "{\"type\": \"Feature\"}");
        auto r = extract_basemap({.data_dir = dir});
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().message == (dir / "delfshaven_osm_water.geojson").string() +
                                       ": expected a FeatureCollection with \"features\"");
    }
    SUBCASE("03 wrong geometry type in the second feature") {
        const auto dir = data_dir_with_water(
            "basemap_bad_03",
            R"({"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[4.44,51.91],[4.45,51.91],[4.45,51.92],[4.44,51.91]]]}},
                {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[4.44,51.91],[4.45,51.91]]}}]})");
        auto r = extract_basemap({.data_dir = dir});
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == bk::map::ErrorKind::Decode);
        CHECK(r.error().message == (dir / "delfshaven_osm_water.geojson").string() +
                                       ": feature 1: expected geometry type Polygon, found \"LineString\"");
    }
}
