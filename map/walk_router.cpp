// [SECTION] load / index  [SECTION] snap  [SECTION] A*  [SECTION] text and links
#include "map/walk_router.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <queue>

#include "map/basemap/mercator.hpp"

namespace bk::map {

using basemap::MercatorPoint;

namespace {

constexpr double pi = 3.14159265358979323846;

double ground_scale(double y_m) { return std::cos(basemap::mercator_to_lat_deg(y_m) * pi / 180); }
double ground_dist(MercatorPoint a, MercatorPoint b) {
    return std::hypot(b.x_m - a.x_m, b.y_m - a.y_m) * ground_scale((a.y_m + b.y_m) / 2);
}
LonLat to_lon_lat(MercatorPoint p) { return {basemap::mercator_to_lon_deg(p.x_m), basemap::mercator_to_lat_deg(p.y_m)}; }

}  // namespace

// [SECTION] load / index ----------------------------------------------------------------------------------

std::expected<WalkRouter, Error> WalkRouter::load(const std::filesystem::path& path) {
    auto g = read_walk_graph_file(path);
    if (!g) return std::unexpected(g.error());
    if (g->nodes.empty() || g->edges.empty())
        return std::unexpected(Error{ErrorKind::Decode, path.string() + ": walk graph has no edges"});
    return WalkRouter{std::move(*g)};
}

WalkRouter WalkRouter::from_graph(WalkGraph graph) { return WalkRouter{std::move(graph)}; }

WalkRouter::WalkRouter(WalkGraph graph) : graph_(std::move(graph)) {
    const auto n = graph_.nodes.size();
    adj_offset_.assign(n + 1, 0);
    for (const auto& e : graph_.edges) {
        ++adj_offset_[e.a + 1];
        if (e.b != e.a) ++adj_offset_[e.b + 1];  // a loop is listed once
    }
    for (std::size_t i = 0; i < n; ++i) adj_offset_[i + 1] += adj_offset_[i];
    adj_edges_.resize(adj_offset_[n]);
    std::vector<std::uint32_t> fill(adj_offset_.begin(), adj_offset_.end() - 1);
    for (std::uint32_t i = 0; i < graph_.edges.size(); ++i) {
        adj_edges_[fill[graph_.edges[i].a]++] = i;
        if (graph_.edges[i].b != graph_.edges[i].a) adj_edges_[fill[graph_.edges[i].b]++] = i;
    }

    // Snap grid over every edge's bounding box (cells of cell_m_).
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (const auto& p : graph_.nodes) x0 = std::min(x0, p.x_m), y0 = std::min(y0, p.y_m), x1 = std::max(x1, p.x_m), y1 = std::max(y1, p.y_m);
    for (const auto& p : graph_.shape) x0 = std::min(x0, p.x_m), y0 = std::min(y0, p.y_m), x1 = std::max(x1, p.x_m), y1 = std::max(y1, p.y_m);
    if (n == 0) return;
    grid_x0_ = x0, grid_y0_ = y0;
    grid_w_ = static_cast<int>((x1 - x0) / cell_m_) + 1;
    grid_h_ = static_cast<int>((y1 - y0) / cell_m_) + 1;
    std::vector<std::vector<std::uint32_t>> cells(static_cast<std::size_t>(grid_w_) * grid_h_);
    for (std::uint32_t e = 0; e < graph_.edges.size(); ++e) {
        const auto pts = edge_points(e);
        for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
            const int cx0 = static_cast<int>((std::min(pts[i].x_m, pts[i + 1].x_m) - x0) / cell_m_);
            const int cx1 = static_cast<int>((std::max(pts[i].x_m, pts[i + 1].x_m) - x0) / cell_m_);
            const int cy0 = static_cast<int>((std::min(pts[i].y_m, pts[i + 1].y_m) - y0) / cell_m_);
            const int cy1 = static_cast<int>((std::max(pts[i].y_m, pts[i + 1].y_m) - y0) / cell_m_);
            for (int cy = cy0; cy <= cy1; ++cy)
                for (int cx = cx0; cx <= cx1; ++cx) {
                    auto& c = cells[static_cast<std::size_t>(cy) * grid_w_ + cx];
                    if (c.empty() || c.back() != e) c.push_back(e);
                }
        }
    }
    cell_offset_.assign(cells.size() + 1, 0);
    for (std::size_t i = 0; i < cells.size(); ++i) cell_offset_[i + 1] = cell_offset_[i] + static_cast<std::uint32_t>(cells[i].size());
    cell_edges_.reserve(cell_offset_.back());
    for (const auto& c : cells) cell_edges_.insert(cell_edges_.end(), c.begin(), c.end());
}

std::vector<MercatorPoint> WalkRouter::edge_points(std::uint32_t id) const {
    const auto& e = graph_.edges[id];
    std::vector<MercatorPoint> pts;
    pts.reserve(e.shape_count + 2);
    pts.push_back(graph_.nodes[e.a]);
    pts.insert(pts.end(), graph_.shape.begin() + e.shape_begin, graph_.shape.begin() + e.shape_begin + e.shape_count);
    pts.push_back(graph_.nodes[e.b]);
    return pts;
}

// [SECTION] snap ------------------------------------------------------------------------------------------

std::expected<WalkRouter::Snap, Error> WalkRouter::snap(LonLat ll, double max_m) const {
    auto fail = [&] {
        char buf[160];
        std::snprintf(buf, sizeof buf, "no walkable street within %.0f m of lon %.6f, lat %.6f", max_m, ll.lon_deg, ll.lat_deg);
        return std::unexpected(Error{ErrorKind::NotFound, buf});
    };
    if (!std::isfinite(ll.lon_deg) || !std::isfinite(ll.lat_deg) || std::abs(ll.lat_deg) > 85)
        return std::unexpected(Error{ErrorKind::InvalidArgument, "walk route: not a valid lon/lat point"});
    const MercatorPoint p = basemap::lon_lat_to_mercator(ll.lon_deg, ll.lat_deg);
    const double scale = ground_scale(p.y_m);
    const double max_merc = max_m / scale;
    const int pcx = static_cast<int>(std::floor((p.x_m - grid_x0_) / cell_m_));
    const int pcy = static_cast<int>(std::floor((p.y_m - grid_y0_) / cell_m_));
    double best = std::numeric_limits<double>::infinity();
    Snap out;
    std::vector<std::uint32_t> seen;
    const int max_ring = static_cast<int>(max_merc / cell_m_) + 2;
    for (int ring = 0; ring <= max_ring; ++ring) {
        // Every unseen cell is at least (ring - 1) cells away: stop once the best is nearer than that.
        if (ring > 0 && best <= (ring - 1) * cell_m_) break;
        for (int cy = pcy - ring; cy <= pcy + ring; ++cy)
            for (int cx = pcx - ring; cx <= pcx + ring; ++cx) {
                if (std::max(std::abs(cx - pcx), std::abs(cy - pcy)) != ring) continue;
                if (cx < 0 || cy < 0 || cx >= grid_w_ || cy >= grid_h_) continue;
                const std::size_t c = static_cast<std::size_t>(cy) * grid_w_ + cx;
                for (std::uint32_t k = cell_offset_[c]; k < cell_offset_[c + 1]; ++k) {
                    const std::uint32_t e = cell_edges_[k];
                    if (std::find(seen.begin(), seen.end(), e) != seen.end()) continue;
                    seen.push_back(e);
                    const auto pts = edge_points(e);
                    for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
                        const auto a = pts[i], b = pts[i + 1];
                        const double dx = b.x_m - a.x_m, dy = b.y_m - a.y_m, len2 = dx * dx + dy * dy;
                        const double t = len2 > 0 ? std::clamp(((p.x_m - a.x_m) * dx + (p.y_m - a.y_m) * dy) / len2, 0.0, 1.0) : 0;
                        const MercatorPoint q{a.x_m + t * dx, a.y_m + t * dy};
                        const double d = std::hypot(q.x_m - p.x_m, q.y_m - p.y_m);
                        if (d < best) {
                            best = d;
                            out.edge = e;
                            out.point = q;
                            out.shape_index = i;
                        }
                    }
                }
            }
    }
    if (!(best <= max_merc)) return fail();
    const auto pts = edge_points(out.edge);
    double along = 0;
    for (std::size_t i = 0; i < out.shape_index; ++i) along += ground_dist(pts[i], pts[i + 1]);
    along += ground_dist(pts[out.shape_index], out.point);
    out.along_m = std::min<double>(along, graph_.edges[out.edge].length_m);
    out.distance_m = best * scale;
    return out;
}

// [SECTION] A* --------------------------------------------------------------------------------------------

std::expected<WalkRoute, Error> WalkRouter::route(LonLat from, LonLat to, WalkRouteOptions options) const {
    auto s = snap(from, options.max_snap_m);
    if (!s) return std::unexpected(Error{s.error().kind, "walk route start: " + s.error().message});
    auto t = snap(to, options.max_snap_m);
    if (!t) return std::unexpected(Error{t.error().kind, "walk route end: " + t.error().message});

    const auto& E = graph_.edges;
    const std::size_t n = graph_.nodes.size();
    constexpr double inf = std::numeric_limits<double>::infinity();
    std::vector<double> g(n, inf);
    std::vector<std::int32_t> via(n, -1);  // edge id used to reach the node (-1: a source)
    std::vector<bool> closed(n, false);
    // The heuristic uses the smallest ground scale over the box (northmost latitude): admissible.
    const double h_scale = std::cos(51.95 * pi / 180);
    const MercatorPoint goal = t->point;
    auto h = [&](std::uint32_t v) { return std::hypot(graph_.nodes[v].x_m - goal.x_m, graph_.nodes[v].y_m - goal.y_m) * h_scale; };
    using Item = std::pair<double, std::uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> open;
    auto push_source = [&](std::uint32_t v, double cost) {
        if (cost < g[v]) g[v] = cost, via[v] = -1, open.push({cost + h(v), v});
    };
    const auto& es = E[s->edge];
    push_source(es.a, s->along_m);
    push_source(es.b, es.length_m - s->along_m);
    const auto& et = E[t->edge];
    auto tail = [&](std::uint32_t v) {  // cost from node v to the goal point along the goal edge
        double c = inf;
        if (v == et.a) c = std::min(c, t->along_m);
        if (v == et.b) c = std::min(c, et.length_m - t->along_m);
        return c;
    };
    double best = inf;
    std::uint32_t best_node = UINT32_MAX;
    bool direct = false;
    if (s->edge == t->edge) best = std::abs(s->along_m - t->along_m), direct = true;
    while (!open.empty()) {
        const auto [f, v] = open.top();
        open.pop();
        if (closed[v]) continue;
        if (f >= best) break;
        closed[v] = true;
        if (const double c = g[v] + tail(v); c < best) best = c, best_node = v, direct = false;
        for (std::uint32_t k = adj_offset_[v]; k < adj_offset_[v + 1]; ++k) {
            const auto eid = adj_edges_[k];
            const auto& e = E[eid];
            const std::uint32_t w = e.a == v ? e.b : e.a;
            const double c = g[v] + e.length_m;
            if (c < g[w]) {
                g[w] = c;
                via[w] = static_cast<std::int32_t>(eid);
                open.push({c + h(w), w});
            }
        }
    }
    if (best == inf)
        return std::unexpected(Error{ErrorKind::NotFound, "walk route: the two points are not connected"});

    // Build the polyline: point, snapped start, partial start edge, edges, partial end edge, snapped end, point.
    WalkRoute r;
    std::vector<MercatorPoint> pts;
    std::vector<bool> bridge;
    std::vector<std::pair<std::uint16_t, double>> named;  // (name, metres) in walking order
    auto add = [&](MercatorPoint p, bool is_bridge) {
        if (!pts.empty()) {
            if (p == pts.back()) return;
            bridge.push_back(is_bridge);
        }
        pts.push_back(p);
    };
    const MercatorPoint from_m = basemap::lon_lat_to_mercator(from.lon_deg, from.lat_deg);
    const MercatorPoint to_m = basemap::lon_lat_to_mercator(to.lon_deg, to.lat_deg);
    add(from_m, false);
    add(s->point, false);
    if (direct) {
        const auto ep = edge_points(s->edge);
        const bool forward = s->along_m <= t->along_m;
        if (forward)
            for (std::size_t i = s->shape_index + 1; i <= t->shape_index; ++i) add(ep[i], es.bridge());
        else
            for (std::size_t i = s->shape_index; i > t->shape_index; --i) add(ep[i], es.bridge());
        add(t->point, es.bridge());
        named.push_back({es.name, best});
    } else {
        std::vector<std::uint32_t> chain;  // edges from the start node's source to best_node
        std::uint32_t v = best_node;
        while (via[v] >= 0) {
            if (chain.size() > E.size())  // cannot happen with non-negative lengths; never loop forever
                return std::unexpected(Error{ErrorKind::Decode, "walk route: the graph's search tree has a cycle"});
            chain.push_back(static_cast<std::uint32_t>(via[v]));
            const auto& e = E[via[v]];
            v = e.a == v ? e.b : e.a;
        }
        std::reverse(chain.begin(), chain.end());
        const std::uint32_t first_node = v;  // es.a or es.b
        {
            const auto ep = edge_points(s->edge);
            if (first_node == es.a && !(first_node == es.b && es.length_m - s->along_m < s->along_m)) {
                for (std::size_t i = s->shape_index + 1; i-- > 0;) add(ep[i], es.bridge());
                named.push_back({es.name, s->along_m});
            } else {
                for (std::size_t i = s->shape_index + 1; i < ep.size(); ++i) add(ep[i], es.bridge());
                named.push_back({es.name, es.length_m - s->along_m});
            }
        }
        std::uint32_t at = first_node;
        for (const auto eid : chain) {
            const auto& e = E[eid];
            auto ep = edge_points(eid);
            if (e.a != at) std::reverse(ep.begin(), ep.end());
            for (std::size_t i = 1; i < ep.size(); ++i) add(ep[i], e.bridge());
            named.push_back({e.name, e.length_m});
            at = e.a == at ? e.b : e.a;
        }
        {
            const auto ep = edge_points(t->edge);
            if (at == et.a && !(at == et.b && et.length_m - t->along_m < t->along_m)) {
                for (std::size_t i = 1; i <= t->shape_index; ++i) add(ep[i], et.bridge());
                named.push_back({et.name, t->along_m});
            } else {
                for (std::size_t i = ep.size() - 1; i-- > t->shape_index + 1;) add(ep[i], et.bridge());
                named.push_back({et.name, et.length_m - t->along_m});
            }
            add(t->point, et.bridge());
        }
    }
    add(to_m, false);
    for (const auto& p : pts) r.polyline.push_back(to_lon_lat(p));
    r.polyline.front() = from;  // exactly the caller's points (the Mercator round trip moves the last digits)
    r.polyline.back() = to;
    r.segment_bridge = std::move(bridge);
    r.snap_from_m = s->distance_m;
    r.snap_to_m = t->distance_m;
    r.length_m = best + r.snap_from_m + r.snap_to_m;
    r.minutes = std::max(1, static_cast<int>(std::lround(r.length_m / walk_metres_per_minute)));

    // Main streets: the (at most two) names walked longest, each >= 60 m and >= 15 % of the route.
    std::map<std::uint16_t, std::pair<double, std::size_t>> per_name;  // metres, first position
    for (std::size_t i = 0; i < named.size(); ++i) {
        if (named[i].first == walk_no_name) continue;
        auto [it, fresh] = per_name.emplace(named[i].first, std::pair{0.0, i});
        it->second.first += named[i].second;
    }
    std::vector<std::pair<std::uint16_t, std::pair<double, std::size_t>>> ranked(per_name.begin(), per_name.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    std::erase_if(ranked, [&](const auto& x) { return x.second.first < 60 || x.second.first < 0.15 * r.length_m; });
    if (ranked.size() > 2) ranked.resize(2);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second.second < b.second.second; });
    for (const auto& [name, info] : ranked) r.main_streets.push_back(graph_.names[name]);
    return r;
}

// [SECTION] text and links --------------------------------------------------------------------------------

std::string describe_route_nl(const WalkRoute& route) {
    std::string out;
    if (!route.main_streets.empty()) {
        out = "via " + route.main_streets[0];
        if (route.main_streets.size() > 1) out += " en " + route.main_streets[1];
        out += ", ";
    }
    out += std::to_string(route.minutes) + (route.minutes == 1 ? " minuut" : " minuten");
    return out;
}

namespace {

std::string fixed(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

std::string percent_encode(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

}  // namespace

std::string osm_directions_url(LonLat from, LonLat to) {
    return "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=" + fixed(from.lat_deg) + "%2C" +
           fixed(from.lon_deg) + "%3B" + fixed(to.lat_deg) + "%2C" + fixed(to.lon_deg);
}

std::string geo_uri(LonLat to, std::string_view label) {
    const std::string at = fixed(to.lat_deg) + "," + fixed(to.lon_deg);
    std::string out = "geo:" + at;
    if (!label.empty()) out += "?q=" + at + "(" + percent_encode(label) + ")";
    return out;
}

}  // namespace bk::map
