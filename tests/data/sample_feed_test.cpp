// The committed sample feed (assets/feed/) is valid, clearly marked and geographically plausible.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "data/atomic_file.hpp"
#include "data/feed_parser.hpp"
#include "data/ics_import.hpp"
#include "data/recurrence.hpp"
#include "data/vocab.hpp"
#include "test_feeds.hpp"

using namespace bk::data;

namespace {

const std::string kAssets = std::string(BUURTKAART_SOURCE_DIR) + "/assets/feed/";

FeedPtr sample() {
    static FeedPtr feed = [] {
        auto r = load_feed_file(kAssets + "sample_feed.json");
        REQUIRE_MESSAGE(r, (r ? "" : r.error().message));
        return *r;
    }();
    return feed;
}

bool in_ring(double x, double y, const nlohmann::json& ring) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        double xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
}

bool in_geometry(LatLon p, const nlohmann::json& geom) {
    auto in_poly = [&](const nlohmann::json& poly) {
        if (!in_ring(p.lon_deg, p.lat_deg, poly[0])) return false;
        for (std::size_t h = 1; h < poly.size(); ++h)
            if (in_ring(p.lon_deg, p.lat_deg, poly[h])) return false;
        return true;
    };
    if (geom["type"] == "Polygon") return in_poly(geom["coordinates"]);
    for (const auto& poly : geom["coordinates"])
        if (in_poly(poly)) return true;
    return false;
}

}  // namespace

TEST_CASE("sample feed is valid, marked as sample and covers all areas and networks") {
    const Feed& f = *sample();
    CHECK(f.sample);
    REQUIRE_FALSE(f.notices.empty());
    CHECK(f.notices[0].text.find("voorbeeldgegevens") != std::string::npos);
    CHECK(f.venues.size() == 60);
    CHECK(f.activities.size() >= 300);
    std::set<std::string> areas, nets, cats;
    for (const auto& v : f.venues) {
        areas.insert(v.neighbourhood);
        nets.insert(v.network);
        CHECK(v.name.find("(voorbeeld)") != std::string::npos);
    }
    for (const auto& a : f.activities) cats.insert(a.categories.begin(), a.categories.end());
    CHECK(areas.size() == neighbourhoods().size());
    CHECK(nets.size() == networks().size());
    CHECK(cats.size() >= 12);
    int cancelled = 0;
    for (const auto& o : expand(f, test_feeds::utc(2026, 1, 1), test_feeds::utc(2027, 1, 1))) cancelled += o.cancelled;
    CHECK(cancelled >= 5);
    auto week = expand(f, test_feeds::utc(2026, 3, 9), test_feeds::utc(2026, 3, 16));
    CHECK(week.size() > 150);
}

TEST_CASE("sample venues lie inside their own neighbourhood and not in water") {
    const std::string shared = std::string(BUURTKAART_SHARED_DIR) + "/data/";
    if (!std::filesystem::exists(shared + "delfshaven_buurten.geojson")) {
        MESSAGE("skipped: ../shared/data not found at " << shared);
        return;
    }
    auto buurten = nlohmann::json::parse(read_file(shared + "delfshaven_buurten.geojson").value());
    auto water = nlohmann::json::parse(read_file(shared + "delfshaven_osm_water.geojson").value());
    const std::map<std::string, std::string> area_of{
        {"Nieuwe Westen", "nieuwe-westen"}, {"Middelland", "middelland"}, {"Spangen", "spangen"},
        {"Bospolder", "botu"}, {"Tussendijken", "botu"}, {"Oud Mathenesse", "oud-mathenesse-witte-dorp"},
        {"Witte Dorp", "oud-mathenesse-witte-dorp"}, {"Delfshaven", "delfshaven-schiemond"},
        {"Schiemond", "delfshaven-schiemond"}};
    for (const auto& v : sample()->venues) {
        CAPTURE(v.id);
        std::string found;
        for (const auto& b : buurten["features"])
            if (in_geometry(v.location, b["geometry"])) found = area_of.at(b["properties"]["buurt"].get<std::string>());
        CHECK(found == v.neighbourhood);
        bool wet = false;
        for (const auto& w : water["features"]) wet = wet || in_geometry(v.location, w["geometry"]);
        CHECK_FALSE(wet);
    }
}

TEST_CASE("sample .ics imports against the sample venues") {
    auto ics = read_file(kAssets + "sample_agenda.ics");
    REQUIRE(ics);
    IcsImportOptions opt;
    opt.venues = sample()->venues;
    auto r = import_ics(*ics, "sample_agenda.ics", opt);
    REQUIRE_MESSAGE(r, (r ? "" : r.error().message));
    CHECK(r->activities.size() == 3);
    CHECK(r->warnings.empty());
    REQUIRE(r->activities[0].changes.size() == 1);
    CHECK(r->activities[0].changes[0].cancelled);
}
