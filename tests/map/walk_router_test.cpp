// Tests map/walk_router.hpp and map/walk_graph.hpp on the graph the build baked from the committed extract:
// known pairs stay on the graph, cross the Delfshavense Schie only on bridges, and come within 10 % of a
// hand-measured length; main streets, minutes, text, links; the file format refuses broken input.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "map/basemap/basemap_format.hpp"
#include "map/basemap/geometry.hpp"
#include "map/basemap/mercator.hpp"
#include "map/walk_router.hpp"

using namespace bk::map;
namespace bm = bk::map::basemap;

namespace {

const WalkRouter& router() {
    static const WalkRouter r = [] {
        auto loaded = WalkRouter::load(BUURTKAART_WALK_GRAPH);
        REQUIRE_MESSAGE(loaded.has_value(), loaded.error().message);
        return *loaded;
    }();
    return r;
}

const bm::Basemap& extract() {
    static const bm::Basemap m = [] {
        auto loaded = bm::read_basemap_file(BUURTKAART_BASEMAP_EXTRACT);
        REQUIRE_MESSAGE(loaded.has_value(), loaded.error().message);
        return *loaded;
    }();
    return m;
}

double ground_m(LonLat a, LonLat b) {  // equirectangular, as measured by hand
    const double lat = (a.lat_deg + b.lat_deg) / 2 * 3.14159265358979 / 180;
    return std::hypot((b.lon_deg - a.lon_deg) * 111320 * std::cos(lat), (b.lat_deg - a.lat_deg) * 110574);
}

double polyline_m(const std::vector<LonLat>& l) {
    double s = 0;
    for (std::size_t i = 0; i + 1 < l.size(); ++i) s += ground_m(l[i], l[i + 1]);
    return s;
}

// Distance (Mercator m) from p to the nearest graph edge.
double off_graph_m(const WalkGraph& g, bm::MercatorPoint p) {
    double best = 1e18;
    for (const auto& e : g.edges) {
        std::vector<bm::MercatorPoint> pts{g.nodes[e.a]};
        pts.insert(pts.end(), g.shape.begin() + e.shape_begin, g.shape.begin() + e.shape_begin + e.shape_count);
        pts.push_back(g.nodes[e.b]);
        for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
            bm::Polygon seg{{{pts[i], pts[i + 1]}}};
            best = std::min(best, std::abs(bm::signed_distance_m(seg, p)));
        }
    }
    return best;
}

bool in_water(bm::MercatorPoint p) {
    for (const auto& w : extract().water)
        if (bm::contains(w, p)) return true;
    return false;
}

// Every interior vertex lies on the graph; every stretch over water is a bridge.
void check_on_graph_and_bridges(const WalkRoute& r, int& water_segments) {
    REQUIRE(r.polyline.size() >= 3);
    REQUIRE(r.segment_bridge.size() == r.polyline.size() - 1);
    for (std::size_t i = 1; i + 1 < r.polyline.size(); ++i) {
        const auto p = bm::lon_lat_to_mercator(r.polyline[i].lon_deg, r.polyline[i].lat_deg);
        CAPTURE(i);
        CHECK(off_graph_m(router().graph(), p) < 0.2);
    }
    for (std::size_t i = 0; i + 1 < r.polyline.size(); ++i) {
        const auto a = bm::lon_lat_to_mercator(r.polyline[i].lon_deg, r.polyline[i].lat_deg);
        const auto b = bm::lon_lat_to_mercator(r.polyline[i + 1].lon_deg, r.polyline[i + 1].lat_deg);
        const double len = std::hypot(b.x_m - a.x_m, b.y_m - a.y_m);
        const int n = std::max(1, static_cast<int>(len / 2));
        int wet = 0;
        for (int k = 1; k < n; ++k) wet += in_water({a.x_m + (b.x_m - a.x_m) * k / n, a.y_m + (b.y_m - a.y_m) * k / n});
        // Quays: a few samples of a street along the water may touch its edge; a crossing is long.
        if (wet > 4) {
            ++water_segments;
            CAPTURE(i);
            CHECK(r.segment_bridge[i]);
        }
    }
}

}  // namespace

TEST_CASE("along the Mathenesserlaan: on the graph, within 10 % of the hand-measured 640 m, named") {
    const LonLat a{4.45049, 51.9139}, b{4.45957, 51.91436};
    auto r = router().route(a, b);
    REQUIRE_MESSAGE(r.has_value(), r.error().message);
    MESSAGE("Mathenesserlaan: " << r->length_m << " m, " << describe_route_nl(*r));
    const double hand = 639.6;  // sum of the street's legs, measured on the tree-register segments
    CHECK(std::abs(r->length_m - hand) < 0.10 * hand);
    CHECK(std::abs(polyline_m(r->polyline) - r->length_m) < 0.02 * r->length_m);
    int wet = 0;
    check_on_graph_and_bridges(*r, wet);
    REQUIRE(!r->main_streets.empty());
    CHECK(r->main_streets[0] == "Mathenesserlaan");
    CHECK(r->minutes == 8);
    CHECK(r->polyline.front() == a);
    CHECK(r->polyline.back() == b);
}

TEST_CASE("across the Delfshavense Schie: only over a bridge, within 10 % of the hand-measured 850 m detour") {
    const LonLat west{4.44554, 51.91306};  // Mathenesserdijk (Tussendijken bank)
    const LonLat east{4.4471, 51.91314};   // Aelbrechtskade, 107 m away across the water
    for (const auto& [from, to] : {std::pair{west, east}, std::pair{east, west}}) {
        auto r = router().route(from, to);
        REQUIRE_MESSAGE(r.has_value(), r.error().message);
        MESSAGE("across the Schie: " << r->length_m << " m, " << describe_route_nl(*r));
        const double hand = 849.4;  // via the Mathenesserbrug (the Delfshaven bridge way is 887 m)
        CHECK(std::abs(r->length_m - hand) < 0.10 * hand);
        int wet = 0;
        check_on_graph_and_bridges(*r, wet);
        CHECK(wet >= 1);  // it did cross, on a bridge
        CHECK(std::count(r->segment_bridge.begin(), r->segment_bridge.end(), true) >= 1);
    }
}

TEST_CASE("Delfshaven harbour to Spangen: a plausible walk on the graph with main streets and minutes") {
    const LonLat from{4.44795, 51.907}, to{4.4330, 51.9200};  // Voorhaven quay, Spangen
    auto r = router().route(from, to);
    REQUIRE_MESSAGE(r.has_value(), r.error().message);
    MESSAGE("Voorhaven -> Spangen: " << r->length_m << " m, " << describe_route_nl(*r));
    const double straight = ground_m(from, to);
    CHECK(r->length_m > straight);
    CHECK(r->length_m < 1.6 * straight);
    int wet = 0;
    check_on_graph_and_bridges(*r, wet);
    CHECK(r->minutes == std::lround(r->length_m / 80));
    CHECK(r->main_streets.size() <= 2);
}

TEST_CASE("a route to itself is one minute; points far from any street are refused with the point named") {
    auto same = router().route({4.4500, 51.9130}, {4.4500, 51.9130});
    REQUIRE(same.has_value());
    CHECK(same->minutes == 1);
    CHECK(same->length_m < 2 * same->snap_from_m + 1);
    auto far = router().route({4.30, 51.80}, {4.45, 51.91});
    REQUIRE_FALSE(far.has_value());
    CHECK(far.error().kind == ErrorKind::NotFound);
    CHECK(far.error().message.find("walk route start: no walkable street within 400 m of lon 4.300000, lat 51.800000") == 0);
    auto nan = router().route({std::nan(""), 51.9}, {4.45, 51.91});
    REQUIRE_FALSE(nan.has_value());
    CHECK(nan.error().kind == ErrorKind::InvalidArgument);
}

TEST_CASE("the graph: no motorway, trunk or tunnel; named edges; one connected piece") {
    const WalkGraph& g = router().graph();
    CHECK(g.nodes.size() > 3000);
    CHECK(g.names.size() > 400);
    std::size_t named = 0;
    for (const auto& e : g.edges) {
        CHECK(e.road_class != static_cast<std::uint8_t>(bm::RoadClass::Motorway));
        CHECK(e.road_class != static_cast<std::uint8_t>(bm::RoadClass::Trunk));
        named += e.name != walk_no_name;
    }
    CHECK(named > g.edges.size() / 4);
    // Connected: a breadth-first walk from node 0 reaches every node.
    std::vector<std::vector<std::uint32_t>> adj(g.nodes.size());
    for (const auto& e : g.edges) adj[e.a].push_back(e.b), adj[e.b].push_back(e.a);
    std::vector<bool> seen(g.nodes.size());
    std::vector<std::uint32_t> stack{0};
    seen[0] = true;
    std::size_t reached = 0;
    while (!stack.empty()) {
        auto v = stack.back();
        stack.pop_back();
        ++reached;
        for (auto w : adj[v])
            if (!seen[w]) seen[w] = true, stack.push_back(w);
    }
    CHECK(reached == g.nodes.size());
    // Rebuilding from the committed extract gives the very same bytes (deterministic bake).
    auto rebuilt = build_walk_graph(extract());
    REQUIRE(rebuilt.has_value());
    CHECK(encode_walk_graph(*rebuilt) == encode_walk_graph(g));
}

TEST_CASE("a tiny hand-made graph with a loop edge: the shortest way, exact lengths, names in walking order") {
    // Nodes on a line of longitude (ground metres = Mercator metres x cos(lat)); a loop hangs off node 1.
    WalkGraph g;
    const auto p = [](double dlat) { return bm::lon_lat_to_mercator(4.45, 51.91 + dlat); };
    g.nodes = {p(0), p(0.001), p(0.002), p(0.0015)};
    g.names = {"Lusweg", "Noordstraat", "Zuidstraat"};
    const float leg = 111.3f;  // ~0.001° of latitude
    g.edges = {
        {1, 1, 50.0f, 0, 0, 4, 0, 0},       // a loop (listed once in the adjacency)
        {0, 1, leg, 2, 0, 4, 0, 0},         // Zuidstraat
        {1, 2, leg, 1, 0, 4, 0, 0},         // Noordstraat
        {0, 3, 400.0f, walk_no_name, 0, 0, 0, 0},  // a long detour
        {3, 2, 400.0f, walk_no_name, 0, 0, 0, 0},
    };
    const auto router = WalkRouter::from_graph(g);
    auto r = router.route({4.45, 51.91}, {4.45, 51.912});
    REQUIRE_MESSAGE(r.has_value(), r.error().message);
    CHECK(r->length_m == doctest::Approx(2 * leg).epsilon(0.001));
    CHECK(r->main_streets == std::vector<std::string>{"Zuidstraat", "Noordstraat"});
    CHECK(r->polyline.size() == 3);
    CHECK(r->minutes == 3);
}

TEST_CASE("describe_route_nl, osm_directions_url and geo_uri") {
    WalkRoute r;
    r.minutes = 9;
    r.main_streets = {"Schiedamseweg", "Mathenesserlaan"};
    CHECK(describe_route_nl(r) == "via Schiedamseweg en Mathenesserlaan, 9 minuten");
    r.main_streets = {"Schiedamseweg"};
    r.minutes = 1;
    CHECK(describe_route_nl(r) == "via Schiedamseweg, 1 minuut");
    r.main_streets.clear();
    CHECK(describe_route_nl(r) == "1 minuut");
    CHECK(osm_directions_url({4.4457, 51.91}, {4.465, 51.915}) ==
          "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=51.910000%2C4.445700%3B51.915000%2C4.465000");
    CHECK(geo_uri({4.465, 51.915}) == "geo:51.915000,4.465000");
    CHECK(geo_uri({4.465, 51.915}, "Buurthuis De Pijl") == "geo:51.915000,4.465000?q=51.915000,4.465000(Buurthuis%20De%20Pijl)");
}

TEST_CASE("walk graph files: round trip, and broken files are refused with the file and offset named") {
    const WalkGraph& g = router().graph();
    const auto bytes = encode_walk_graph(g);
    auto back = decode_walk_graph(bytes, "g.bkwalk");
    REQUIRE(back.has_value());
    CHECK(encode_walk_graph(*back) == bytes);

    auto cut = decode_walk_graph(std::span(bytes).first(10), "g.bkwalk");
    REQUIRE_FALSE(cut.has_value());
    CHECK(cut.error().message == "g.bkwalk: offset 0: expected 28 bytes of header, found 10");
    auto magic = bytes;
    magic[0] = 'X';
    CHECK(decode_walk_graph(magic, "g.bkwalk").error().message ==
          "g.bkwalk: offset 0: expected magic \"BKWG\" (a walk graph), found another file type");
    auto flipped = bytes;
    flipped[bytes.size() / 2] ^= 0x40;
    CHECK(decode_walk_graph(flipped, "g.bkwalk").error().message ==
          "g.bkwalk: offset 24: CRC-32 of the body does not match the header (corrupt file)");
    auto truncated = std::vector<std::uint8_t>(bytes.begin(), bytes.end() - 1000);
    CHECK(decode_walk_graph(truncated, "g.bkwalk").error().kind == ErrorKind::Decode);
    // Every truncation point gives a named error, never a crash.
    for (std::size_t n = 0; n < 200; ++n) CHECK_FALSE(decode_walk_graph(std::span(bytes).first(n), "g").has_value());
    auto missing = WalkRouter::load("/nonexistent/walk.bkwalk");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().kind == ErrorKind::NotFound);
    CHECK(missing.error().message == "/nonexistent/walk.bkwalk: cannot open walk graph");
}
