// WalkRouter — offline walking routes over Delfshaven's street and footway graph (walk_graph.hpp), A*.
//
// What: loads the baked graph (build/walk/delfshaven.bkwalk, made at build time by walk_graph_bake from the
// committed basemap extract), snaps both points to the nearest walkable line (anywhere along it, not only
// at junctions), and finds the shortest walk with A* (straight-line heuristic, admissible). The route gives
// the polyline to draw (lon/lat, from the exact start point to the exact end point), its length, the walking
// minutes (80 m per minute = 4.8 km/h, at least 1) and up to two main streets it follows, in walking order.
// Usage (any thread after load):
//   auto router = bk::map::WalkRouter::load(BUURTKAART_WALK_GRAPH);        // expected<WalkRouter, Error>
//   auto r = router->route({4.4457, 51.9100}, {4.4650, 51.9150});           // expected<WalkRoute, Error>
//   draw r->polyline (thick line, markers at front() and back());
//   text: bk::map::describe_route_nl(*r)  -> "via Schiedamseweg en Mathenesserlaan, 9 minuten"
//   QR:   bk::map::osm_directions_url(from, to)  or  bk::map::geo_uri(to, "Buurthuis")
// Limits: the network covers the Delfshaven box (lon 4.42–4.49, lat 51.90–51.93); a point farther than
//   max_snap_m (default 400 m) from any walkable line is refused (NotFound, naming the point). Names are the
//   city's tree-register names (streets without trees are unnamed and never appear in main_streets). No
//   turn costs, stairs, opening hours or one-way rules for pedestrians; cycleways count as walkable.
// Threads: load() on any thread; the loaded router is immutable: route() is const and may run on many
//   threads at once (each call allocates its own search state, ~20 bytes per node). Movable, copyable.
// Speed: < 5 ms per route on the 2-core CI machine (tests/bench/map/bench_walk_router prints the figures).
#pragma once
#include <expected>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "map/error.hpp"
#include "map/geo_types.hpp"
#include "map/walk_graph.hpp"

namespace bk::map {

inline constexpr double walk_metres_per_minute = 80.0;  // 4.8 km/h

struct WalkRoute {
    std::vector<LonLat> polyline;             // start point, snapped start, ..., snapped end, end point
    std::vector<bool> segment_bridge;         // per polyline segment (size = polyline.size() - 1)
    double length_m = 0;                      // ground metres, including the walks to/from the network
    int minutes = 0;                          // ceil-ish: lround(length / 80 m), at least 1
    std::vector<std::string> main_streets;    // at most 2, in walking order; may be empty
    double snap_from_m = 0, snap_to_m = 0;    // distance of each point to the network
};

struct WalkRouteOptions {
    double max_snap_m = 400.0;
};

class WalkRouter {
public:
    static std::expected<WalkRouter, Error> load(const std::filesystem::path& path);
    static WalkRouter from_graph(WalkGraph graph);

    std::expected<WalkRoute, Error> route(LonLat from, LonLat to, WalkRouteOptions options = {}) const;

    const WalkGraph& graph() const { return graph_; }

private:
    struct Snap {
        std::uint32_t edge = 0;
        double along_m = 0;       // ground metres from edge.a to the snapped point
        double distance_m = 0;    // ground metres from the query point
        basemap::MercatorPoint point;
        std::size_t shape_index = 0;  // the snapped point lies after this many shape points of the edge
    };
    explicit WalkRouter(WalkGraph graph);
    std::expected<Snap, Error> snap(LonLat p, double max_m) const;
    std::vector<basemap::MercatorPoint> edge_points(std::uint32_t e) const;  // a, shape..., b

    WalkGraph graph_;
    std::vector<std::uint32_t> adj_offset_;  // CSR over nodes: incident edge ids
    std::vector<std::uint32_t> adj_edges_;
    // Uniform grid over edge segments for snapping (cell_m Mercator metres).
    double cell_m_ = 60.0;
    double grid_x0_ = 0, grid_y0_ = 0;
    int grid_w_ = 0, grid_h_ = 0;
    std::vector<std::uint32_t> cell_offset_;
    std::vector<std::uint32_t> cell_edges_;
};

// "via Schiedamseweg en Mathenesserlaan, 9 minuten" / "via Schiedamseweg, 4 minuten" / "1 minuut".
std::string describe_route_nl(const WalkRoute& route);

// OpenStreetMap walking directions a phone opens in the browser (OSRM foot profile).
std::string osm_directions_url(LonLat from, LonLat to);
// RFC 5870 geo: URI of the destination, with an optional label for map apps ("geo:51.9,4.4?q=51.9,4.4(Label)").
std::string geo_uri(LonLat to, std::string_view label = {});

}  // namespace bk::map
