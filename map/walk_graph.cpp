// [SECTION] build  [SECTION] encode  [SECTION] decode
#include "map/walk_graph.hpp"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "map/basemap/mercator.hpp"

namespace bk::map {

using basemap::MercatorPoint;
using basemap::Polyline;
using basemap::RoadClass;

namespace {

// [SECTION] build -----------------------------------------------------------------------------------------

bool walkable(const basemap::Road& r) {
    return !r.tunnel && r.road_class != RoadClass::Motorway && r.road_class != RoadClass::Trunk;
}

std::int64_t key_of(MercatorPoint p) {
    const auto qx = std::llround(p.x_m / walk_grid_m), qy = std::llround(p.y_m / walk_grid_m);
    return qx * 1'000'000'000LL + qy;
}

double ground_scale(double y_m) { return std::cos(basemap::mercator_to_lat_deg(y_m) * 3.14159265358979323846 / 180); }

struct SegRef {
    std::size_t line, seg;
};

// Segments bucketed in square cells (Mercator metres) for "nearest segment" queries.
class SegmentGrid {
public:
    explicit SegmentGrid(double cell_m) : cell_(cell_m) {}
    void add(const MercatorPoint& a, const MercatorPoint& b, SegRef ref) {
        for (auto k : cells(std::min(a.x_m, b.x_m), std::min(a.y_m, b.y_m), std::max(a.x_m, b.x_m), std::max(a.y_m, b.y_m)))
            cells_[k].push_back(ref);
    }
    template <typename F>
    void near(const MercatorPoint& p, double r, F&& f) const {
        for (auto k : cells(p.x_m - r, p.y_m - r, p.x_m + r, p.y_m + r)) {
            auto it = cells_.find(k);
            if (it != cells_.end())
                for (const auto& ref : it->second) f(ref);
        }
    }

private:
    std::vector<std::int64_t> cells(double x0, double y0, double x1, double y1) const {
        std::vector<std::int64_t> out;
        const auto cx0 = static_cast<std::int64_t>(std::floor(x0 / cell_)), cx1 = static_cast<std::int64_t>(std::floor(x1 / cell_));
        const auto cy0 = static_cast<std::int64_t>(std::floor(y0 / cell_)), cy1 = static_cast<std::int64_t>(std::floor(y1 / cell_));
        for (auto cx = cx0; cx <= cx1; ++cx)
            for (auto cy = cy0; cy <= cy1; ++cy) out.push_back(cx * 10'000'000 + cy);
        return out;
    }
    double cell_;
    std::unordered_map<std::int64_t, std::vector<SegRef>> cells_;
};

// Closest point of segment ab to p: returns the distance, sets t in [0, 1].
double project(MercatorPoint p, MercatorPoint a, MercatorPoint b, double& t) {
    const double dx = b.x_m - a.x_m, dy = b.y_m - a.y_m, len2 = dx * dx + dy * dy;
    t = len2 > 0 ? std::clamp(((p.x_m - a.x_m) * dx + (p.y_m - a.y_m) * dy) / len2, 0.0, 1.0) : 0;
    return std::hypot(a.x_m + t * dx - p.x_m, a.y_m + t * dy - p.y_m);
}

struct Line {
    Polyline pts;
    RoadClass cls;
    bool bridge;
};

struct Split {
    std::size_t seg;
    double t;
    MercatorPoint p;
};

// Inserts the split points into their lines (sorted along each line).
void apply_splits(std::vector<Line>& lines, std::map<std::size_t, std::vector<Split>>& splits) {
    for (auto& [li, list] : splits) {
        std::sort(list.begin(), list.end(), [](const Split& x, const Split& y) { return x.seg != y.seg ? x.seg < y.seg : x.t < y.t; });
        Polyline out;
        std::size_t k = 0;
        const auto& pts = lines[li].pts;
        for (std::size_t s = 0; s < pts.size(); ++s) {
            out.push_back(pts[s]);
            for (; k < list.size() && list[k].seg == s; ++k)
                if (!(list[k].p == out.back())) out.push_back(list[k].p);
        }
        lines[li].pts = std::move(out);
    }
}

MercatorPoint on_grid(MercatorPoint q) {
    return {std::llround(q.x_m / walk_grid_m) * walk_grid_m, std::llround(q.y_m / walk_grid_m) * walk_grid_m};
}

double dist_to_end(const Line& l, MercatorPoint p) {
    return std::min(std::hypot(p.x_m - l.pts.front().x_m, p.y_m - l.pts.front().y_m),
                    std::hypot(p.x_m - l.pts.back().x_m, p.y_m - l.pts.back().y_m));
}

// Lines that cross without a shared vertex: OSM joins streets at grade with a shared node, which the
// extract's simplification may have dropped, so a crossing of two surface lines becomes a junction. A bridge
// crosses other lines without meeting them, except within 25 Mercator m (15 m) of its ends (where it lands on the street).
std::size_t join_crossings(std::vector<Line>& lines) {
    SegmentGrid grid{20.0};
    for (std::size_t i = 0; i < lines.size(); ++i)
        for (std::size_t s = 0; s + 1 < lines[i].pts.size(); ++s) grid.add(lines[i].pts[s], lines[i].pts[s + 1], {i, s});
    std::map<std::size_t, std::vector<Split>> splits;
    std::size_t joined = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        for (std::size_t s = 0; s + 1 < lines[i].pts.size(); ++s) {
            const auto a = lines[i].pts[s], b = lines[i].pts[s + 1];
            const MercatorPoint mid{(a.x_m + b.x_m) / 2, (a.y_m + b.y_m) / 2};
            const double r = std::hypot(b.x_m - a.x_m, b.y_m - a.y_m) / 2 + 1;
            grid.near(mid, r, [&](const SegRef& o) {
                if (o.line <= i) return;  // each pair once (and never a line with itself)
                const auto c = lines[o.line].pts[o.seg], d = lines[o.line].pts[o.seg + 1];
                const double rx = b.x_m - a.x_m, ry = b.y_m - a.y_m, sx = d.x_m - c.x_m, sy = d.y_m - c.y_m;
                const double den = rx * sy - ry * sx;
                if (std::abs(den) < 1e-9) return;
                const double t = ((c.x_m - a.x_m) * sy - (c.y_m - a.y_m) * sx) / den;
                const double u = ((c.x_m - a.x_m) * ry - (c.y_m - a.y_m) * rx) / den;
                if (t <= 0 || t >= 1 || u <= 0 || u >= 1) return;  // touching at a vertex is already shared
                const MercatorPoint q = on_grid({a.x_m + t * rx, a.y_m + t * ry});
                if (lines[i].bridge && dist_to_end(lines[i], q) > 25) return;
                if (lines[o.line].bridge && dist_to_end(lines[o.line], q) > 25) return;
                splits[i].push_back({s, t, q});
                splits[o.line].push_back({o.seg, u, q});
                ++joined;
            });
        }
    apply_splits(lines, splits);
    return joined;
}

// Joins dangling line ends to a segment of another line within `radius_m`: the end moves onto the segment
// and that point is inserted into the other line, so both share a vertex.
std::size_t join_dangling_ends(std::vector<Line>& lines, double radius_m) {
    std::unordered_map<std::int64_t, int> uses;
    for (const auto& l : lines)
        for (const auto& p : l.pts) ++uses[key_of(p)];
    SegmentGrid grid{20.0};
    for (std::size_t i = 0; i < lines.size(); ++i)
        for (std::size_t s = 0; s + 1 < lines[i].pts.size(); ++s) grid.add(lines[i].pts[s], lines[i].pts[s + 1], {i, s});
    std::map<std::size_t, std::vector<Split>> splits;
    std::size_t joined = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        for (int end = 0; end < 2; ++end) {
            MercatorPoint& p = end == 0 ? lines[i].pts.front() : lines[i].pts.back();
            if (uses[key_of(p)] > 1) continue;  // already shared with another line (or a loop)
            double best = radius_m;
            SegRef best_ref{SIZE_MAX, 0};
            double best_t = 0;
            grid.near(p, radius_m, [&](const SegRef& r) {
                if (r.line == i) return;
                if (lines[r.line].bridge && !lines[i].bridge) return;  // bridges connect at their ends only
                double t;
                const double d = project(p, lines[r.line].pts[r.seg], lines[r.line].pts[r.seg + 1], t);
                if (d < best || (d == best && best_ref.line != SIZE_MAX && r.line < best_ref.line))
                    best = d, best_ref = r, best_t = t;
            });
            if (best_ref.line == SIZE_MAX) continue;
            const auto& a = lines[best_ref.line].pts[best_ref.seg];
            const auto& b = lines[best_ref.line].pts[best_ref.seg + 1];
            MercatorPoint q{a.x_m + best_t * (b.x_m - a.x_m), a.y_m + best_t * (b.y_m - a.y_m)};
            q = {std::llround(q.x_m / walk_grid_m) * walk_grid_m, std::llround(q.y_m / walk_grid_m) * walk_grid_m};
            p = q;
            if (best_t > 0 && best_t < 1) splits[best_ref.line].push_back({best_ref.seg, best_t, q});
            else p = best_t <= 0 ? a : b;
            ++joined;
        }
    }
    apply_splits(lines, splits);
    return joined;
}

struct NamedSegs {
    std::vector<std::pair<MercatorPoint, MercatorPoint>> segs;
    std::vector<std::uint16_t> name;
    SegmentGrid grid{25.0};
};

std::uint16_t name_of_segment(const NamedSegs& ns, MercatorPoint a, MercatorPoint b) {
    const MercatorPoint mid{(a.x_m + b.x_m) / 2, (a.y_m + b.y_m) / 2};
    const double len = std::hypot(b.x_m - a.x_m, b.y_m - a.y_m);
    constexpr double radius = 16.0;
    double best = radius;
    std::uint16_t out = walk_no_name;
    ns.grid.near(mid, radius, [&](const SegRef& r) {
        const auto& [c, d] = ns.segs[r.seg];
        const double len2 = std::hypot(d.x_m - c.x_m, d.y_m - c.y_m);
        if (len > 0.5 && len2 > 0.5) {
            const double cosang = ((b.x_m - a.x_m) * (d.x_m - c.x_m) + (b.y_m - a.y_m) * (d.y_m - c.y_m)) / (len * len2);
            if (std::abs(cosang) < 0.9) return;  // a crossing street, not this one
        }
        double t;
        const double dist = project(mid, c, d, t);
        if (dist < best || (dist == best && ns.name[r.seg] < out)) best = dist, out = ns.name[r.seg];
    });
    return out;
}

}  // namespace

std::expected<WalkGraph, Error> build_walk_graph(const basemap::Basemap& map, WalkBuildReport* report) {
    WalkBuildReport rep;
    std::vector<Line> lines;
    for (const auto& r : map.roads)
        if (walkable(r) && r.line.size() >= 2) lines.push_back({r.line, r.road_class, r.bridge});
    rep.lines_used = lines.size();
    if (lines.empty()) return std::unexpected(Error{ErrorKind::InvalidArgument, "basemap has no walkable roads"});
    rep.joined_ends = join_dangling_ends(lines, 1.5);
    rep.joined_crossings = join_crossings(lines);

    WalkGraph g;
    // Names: sorted, so the file does not depend on the order of the extract's features.
    std::map<std::string, std::uint16_t> name_ids;
    for (const auto& n : map.street_names) name_ids.emplace(n.name, 0);
    if (name_ids.size() >= walk_no_name) return std::unexpected(Error{ErrorKind::TooLarge, "more than 65534 street names"});
    for (auto& [name, id] : name_ids) {
        id = static_cast<std::uint16_t>(g.names.size());
        g.names.push_back(name);
    }
    NamedSegs ns;
    for (const auto& n : map.street_names)
        for (std::size_t i = 0; i + 1 < n.line.size(); ++i) {
            ns.grid.add(n.line[i], n.line[i + 1], {0, ns.segs.size()});
            ns.segs.push_back({n.line[i], n.line[i + 1]});
            ns.name.push_back(name_ids.at(n.name));
        }

    // Vertex graph: one node per distinct 0.1 m grid point, one segment per distinct vertex pair.
    std::unordered_map<std::int64_t, std::uint32_t> node_of;
    std::vector<MercatorPoint> vpts;
    struct Seg {
        std::uint32_t u, v;
        std::uint16_t name;
        bool bridge;
        RoadClass cls;
    };
    std::vector<Seg> segs;
    std::unordered_set<std::uint64_t> seen;
    auto node = [&](MercatorPoint p) {
        auto [it, fresh] = node_of.emplace(key_of(p), static_cast<std::uint32_t>(vpts.size()));
        if (fresh) vpts.push_back({std::llround(p.x_m / walk_grid_m) * walk_grid_m, std::llround(p.y_m / walk_grid_m) * walk_grid_m});
        return it->second;
    };
    for (const auto& l : lines)
        for (std::size_t i = 0; i + 1 < l.pts.size(); ++i) {
            const auto u = node(l.pts[i]), v = node(l.pts[i + 1]);
            if (u == v) continue;
            const std::uint64_t k = (static_cast<std::uint64_t>(std::min(u, v)) << 32) | std::max(u, v);
            if (!seen.insert(k).second) continue;
            segs.push_back({u, v, name_of_segment(ns, l.pts[i], l.pts[i + 1]), l.bridge, l.cls});
        }
    rep.nodes_before = vpts.size();
    rep.edges_before = segs.size();

    std::vector<std::vector<std::uint32_t>> adj(vpts.size());  // segment ids
    for (std::uint32_t s = 0; s < segs.size(); ++s) adj[segs[s].u].push_back(s), adj[segs[s].v].push_back(s);

    // Largest connected piece.
    std::vector<int> comp(vpts.size(), -1);
    int best_comp = -1;
    std::size_t best_size = 0;
    for (std::uint32_t start = 0, c = 0; start < vpts.size(); ++start) {
        if (comp[start] >= 0) continue;
        std::vector<std::uint32_t> stack{start};
        comp[start] = static_cast<int>(c);
        std::size_t size = 0;
        while (!stack.empty()) {
            const auto n = stack.back();
            stack.pop_back();
            ++size;
            for (auto s : adj[n]) {
                const auto m = segs[s].u == n ? segs[s].v : segs[s].u;
                if (comp[m] < 0) comp[m] = static_cast<int>(c), stack.push_back(m);
            }
        }
        if (size > best_size) best_size = size, best_comp = static_cast<int>(c);
        ++c;
    }
    rep.dropped_nodes = vpts.size() - best_size;

    // Contract chains of degree-2 vertices (same name and bridge flag on both sides) into single edges.
    auto same = [&](std::uint32_t s1, std::uint32_t s2) {
        return segs[s1].name == segs[s2].name && segs[s1].bridge == segs[s2].bridge;
    };
    std::vector<bool> junction(vpts.size(), false);
    for (std::uint32_t n = 0; n < vpts.size(); ++n)
        junction[n] = comp[n] == best_comp && (adj[n].size() != 2 || !same(adj[n][0], adj[n][1]));
    std::vector<std::uint32_t> graph_node(vpts.size(), UINT32_MAX);
    auto gnode = [&](std::uint32_t n) {
        if (graph_node[n] == UINT32_MAX) {
            graph_node[n] = static_cast<std::uint32_t>(g.nodes.size());
            g.nodes.push_back(vpts[n]);
        }
        return graph_node[n];
    };
    std::vector<bool> used(segs.size(), false);
    auto walk_from = [&](std::uint32_t start, std::uint32_t first_seg) {
        WalkEdge e;
        e.a = gnode(start);
        e.name = segs[first_seg].name;
        e.flags = segs[first_seg].bridge ? 1 : 0;
        e.road_class = static_cast<std::uint8_t>(segs[first_seg].cls);
        e.shape_begin = static_cast<std::uint32_t>(g.shape.size());
        double length = 0;
        std::uint32_t cur = start, s = first_seg;
        for (;;) {
            used[s] = true;
            const auto next = segs[s].u == cur ? segs[s].v : segs[s].u;
            const auto& p = vpts[cur];
            const auto& q = vpts[next];
            length += std::hypot(q.x_m - p.x_m, q.y_m - p.y_m) * ground_scale((p.y_m + q.y_m) / 2);
            e.road_class = std::max(e.road_class, static_cast<std::uint8_t>(segs[s].cls));
            cur = next;
            if (junction[cur] || cur == start) break;
            const auto s2 = adj[cur][0] == s ? adj[cur][1] : adj[cur][0];
            if (used[s2]) break;
            g.shape.push_back(vpts[cur]);
            s = s2;
        }
        e.b = gnode(cur);
        e.length_m = static_cast<float>(length);
        e.shape_count = static_cast<std::uint32_t>(g.shape.size()) - e.shape_begin;
        g.edges.push_back(e);
    };
    for (std::uint32_t n = 0; n < vpts.size(); ++n)
        if (junction[n])
            for (auto s : adj[n])
                if (!used[s]) walk_from(n, s);
    for (std::uint32_t s = 0; s < segs.size(); ++s)  // pure cycles without a junction (rare): start anywhere
        if (!used[s] && comp[segs[s].u] == best_comp) walk_from(segs[s].u, s);
    for (const auto& e : g.edges) rep.named_edges += e.name != walk_no_name ? 1 : 0;
    if (report) *report = rep;
    return g;
}

// [SECTION] encode ----------------------------------------------------------------------------------------

namespace {

constexpr char walk_magic[4] = {'B', 'K', 'W', 'G'};
constexpr std::uint16_t walk_version = 1;
constexpr std::size_t walk_header_size = 28;

struct Out {
    std::vector<std::uint8_t> b;
    void u8(std::uint8_t v) { b.push_back(v); }
    void u16(std::uint16_t v) { u8(v & 0xff), u8(v >> 8); }
    void u32(std::uint32_t v) { u16(v & 0xffff), u16(v >> 16); }
    void i32(std::int32_t v) { u32(static_cast<std::uint32_t>(v)); }
    void f32(float v) {
        std::uint32_t u;
        std::memcpy(&u, &v, 4);
        u32(u);
    }
    void point(MercatorPoint p) {
        i32(static_cast<std::int32_t>(std::llround(p.x_m / walk_grid_m)));
        i32(static_cast<std::int32_t>(std::llround(p.y_m / walk_grid_m)));
    }
};

}  // namespace

std::vector<std::uint8_t> encode_walk_graph(const WalkGraph& g) {
    Out body;
    for (const auto& p : g.nodes) body.point(p);
    for (const auto& e : g.edges) {
        body.u32(e.a), body.u32(e.b), body.f32(e.length_m), body.u16(e.name), body.u8(e.flags), body.u8(e.road_class);
        body.u32(e.shape_begin), body.u32(e.shape_count);
    }
    for (const auto& p : g.shape) body.point(p);
    for (const auto& n : g.names) {
        body.u16(static_cast<std::uint16_t>(n.size()));
        body.b.insert(body.b.end(), n.begin(), n.end());
    }
    Out file;
    for (char c : walk_magic) file.u8(static_cast<std::uint8_t>(c));
    file.u16(walk_version);
    file.u16(0);
    file.u32(static_cast<std::uint32_t>(g.nodes.size()));
    file.u32(static_cast<std::uint32_t>(g.edges.size()));
    file.u32(static_cast<std::uint32_t>(g.shape.size()));
    file.u32(static_cast<std::uint32_t>(g.names.size()));
    file.u32(static_cast<std::uint32_t>(crc32(0L, body.b.data(), static_cast<uInt>(body.b.size()))));
    file.b.insert(file.b.end(), body.b.begin(), body.b.end());
    return std::move(file.b);
}

std::expected<std::size_t, Error> write_walk_graph_file(const std::filesystem::path& path, const WalkGraph& g) {
    const auto bytes = encode_walk_graph(g);
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    const auto tmp = std::filesystem::path{path.string() + ".tmp"};
    {
        std::ofstream out{tmp, std::ios::binary | std::ios::trunc};
        if (!out) return std::unexpected(Error{ErrorKind::Io, tmp.string() + ": cannot open for writing"});
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        if (!out) return std::unexpected(Error{ErrorKind::Io, tmp.string() + ": write failed"});
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) return std::unexpected(Error{ErrorKind::Io, path.string() + ": rename failed: " + ec.message()});
    return bytes.size();
}

// [SECTION] decode ----------------------------------------------------------------------------------------

namespace {

class In {
public:
    In(std::span<const std::uint8_t> b, std::string source) : b_(b), source_(std::move(source)) {}
    std::size_t at() const { return at_; }
    std::size_t left() const { return b_.size() - at_; }
    bool need(std::size_t n, const char* what) {
        if (left() >= n) return true;
        fail(std::string{"expected "} + std::to_string(n) + " bytes of " + what + ", found " + std::to_string(left()));
        return false;
    }
    std::uint8_t u8() { return b_[at_++]; }
    std::uint16_t u16() {
        const std::uint16_t lo = u8();
        return static_cast<std::uint16_t>(lo | (u8() << 8));
    }
    std::uint32_t u32() {
        const std::uint32_t lo = u16();
        return lo | (static_cast<std::uint32_t>(u16()) << 16);
    }
    std::int32_t i32() { return static_cast<std::int32_t>(u32()); }
    float f32() {
        const std::uint32_t u = u32();
        float f;
        std::memcpy(&f, &u, 4);
        return f;
    }
    MercatorPoint point() {
        const double x = i32() * walk_grid_m;
        return {x, i32() * walk_grid_m};
    }
    void fail(const std::string& what, std::size_t offset = SIZE_MAX) {
        if (!error) error = Error{ErrorKind::Decode, source_ + ": offset " + std::to_string(offset == SIZE_MAX ? at_ : offset) + ": " + what};
    }
    std::optional<Error> error;
    std::span<const std::uint8_t> b_;

private:
    std::size_t at_ = 0;
    std::string source_;
};

}  // namespace

std::expected<WalkGraph, Error> decode_walk_graph(std::span<const std::uint8_t> bytes, const std::string& source) {
    In in{bytes, source};
    if (!in.need(walk_header_size, "header")) return std::unexpected(*in.error);
    if (std::memcmp(bytes.data(), walk_magic, 4) != 0) {
        in.fail("expected magic \"BKWG\" (a walk graph), found another file type", 0);
        return std::unexpected(*in.error);
    }
    for (int i = 0; i < 4; ++i) in.u8();
    const auto version = in.u16();
    if (version != walk_version) {
        in.fail("expected walk graph version 1, found " + std::to_string(version), 4);
        return std::unexpected(*in.error);
    }
    in.u16();
    const std::uint64_t n_nodes = in.u32(), n_edges = in.u32(), n_shape = in.u32(), n_names = in.u32();
    const std::uint32_t crc = in.u32();
    const std::uint64_t fixed = n_nodes * 8 + n_edges * 24 + n_shape * 8 + n_names * 2;
    if (fixed > in.left()) {
        in.fail("counts (" + std::to_string(n_nodes) + " nodes, " + std::to_string(n_edges) + " edges, " +
                    std::to_string(n_shape) + " shape points, " + std::to_string(n_names) + " names) need at least " +
                    std::to_string(fixed) + " bytes, the file has " + std::to_string(in.left()) + " after the header",
                8);
        return std::unexpected(*in.error);
    }
    const auto body = bytes.subspan(walk_header_size);
    if (static_cast<std::uint32_t>(crc32(0L, body.data(), static_cast<uInt>(body.size()))) != crc) {
        in.fail("CRC-32 of the body does not match the header (corrupt file)", 24);
        return std::unexpected(*in.error);
    }
    WalkGraph g;
    g.nodes.resize(n_nodes);
    for (auto& p : g.nodes) p = in.point();
    g.edges.resize(n_edges);
    for (std::size_t i = 0; i < n_edges; ++i) {
        const std::size_t at = in.at();
        auto& e = g.edges[i];
        e.a = in.u32(), e.b = in.u32(), e.length_m = in.f32(), e.name = in.u16(), e.flags = in.u8(), e.road_class = in.u8();
        e.shape_begin = in.u32(), e.shape_count = in.u32();
        const bool bad_name = e.name != walk_no_name && e.name >= n_names;
        if (e.a >= n_nodes || e.b >= n_nodes || bad_name || !(e.length_m >= 0) || !std::isfinite(e.length_m) ||
            e.flags > 1 || e.road_class >= basemap::road_class_count ||
            static_cast<std::uint64_t>(e.shape_begin) + e.shape_count > n_shape) {
            in.fail("edge " + std::to_string(i) + ": node, name or shape index out of range, or a bad length/flag", at);
            return std::unexpected(*in.error);
        }
    }
    g.shape.resize(n_shape);
    for (auto& p : g.shape) p = in.point();
    g.names.resize(n_names);
    for (auto& n : g.names) {
        if (!in.need(2, "name length")) return std::unexpected(*in.error);
        const auto len = in.u16();
        if (len > 1024) {
            in.fail("name length " + std::to_string(len) + " exceeds 1024", in.at() - 2);
            return std::unexpected(*in.error);
        }
        if (!in.need(len, "name")) return std::unexpected(*in.error);
        n.assign(reinterpret_cast<const char*>(bytes.data() + in.at()), len);
        for (int i = 0; i < len; ++i) in.u8();
    }
    if (in.left() != 0) {
        in.fail("expected end of file, found " + std::to_string(in.left()) + " more bytes");
        return std::unexpected(*in.error);
    }
    return g;
}

std::expected<WalkGraph, Error> read_walk_graph_file(const std::filesystem::path& path) {
    std::ifstream in{path, std::ios::binary};
    if (!in) return std::unexpected(Error{ErrorKind::NotFound, path.string() + ": cannot open walk graph"});
    std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    if (in.bad()) return std::unexpected(Error{ErrorKind::Io, path.string() + ": read failed"});
    return decode_walk_graph(bytes, path.string());
}

}  // namespace bk::map
