// [SECTION] box index  [SECTION] chains  [SECTION] street labels  [SECTION] park labels
#include "map/basemap/street_labels.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "map/basemap/geometry.hpp"
#include "map/basemap/mercator.hpp"
#include "map/basemap/tile_style.hpp"

namespace bk::map::basemap {

namespace {

constexpr double pi = 3.14159265358979323846;

// [SECTION] box index -------------------------------------------------------------------------------------

// Boxes bucketed in 64 px cells: "does this box touch any taken box" without scanning them all.
class BoxIndex {
public:
    void add(const PixelBox& b) {
        const std::size_t id = boxes_.size();
        boxes_.push_back(b);
        for_cells(b, [&](std::int64_t key) { cells_[key].push_back(id); });
    }
    bool hits(const PixelBox& b) const {
        bool hit = false;
        for_cells(b, [&](std::int64_t key) {
            if (hit) return;
            auto it = cells_.find(key);
            if (it == cells_.end()) return;
            for (std::size_t id : it->second)
                if (boxes_[id].intersects(b)) {
                    hit = true;
                    return;
                }
        });
        return hit;
    }

private:
    template <typename F>
    static void for_cells(const PixelBox& b, F&& f) {
        constexpr double cell = 64;
        const auto cx0 = static_cast<std::int64_t>(std::floor(b.x0 / cell)), cx1 = static_cast<std::int64_t>(std::floor(b.x1 / cell));
        const auto cy0 = static_cast<std::int64_t>(std::floor(b.y0 / cell)), cy1 = static_cast<std::int64_t>(std::floor(b.y1 / cell));
        for (auto cy = cy0; cy <= cy1; ++cy)
            for (auto cx = cx0; cx <= cx1; ++cx) f(cy * 4'000'000 + cx);
    }
    std::vector<PixelBox> boxes_;
    std::unordered_map<std::int64_t, std::vector<std::size_t>> cells_;
};

// [SECTION] chains ----------------------------------------------------------------------------------------

struct Chain {
    std::string name;
    RoadClass road_class = RoadClass::Residential;
    bool high_confidence = false;
    Polyline line;
    double length_m = 0;
};

double length_of(const Polyline& l) {
    double s = 0;
    for (std::size_t i = 0; i + 1 < l.size(); ++i) s += std::hypot(l[i + 1].x_m - l[i].x_m, l[i + 1].y_m - l[i].y_m);
    return s;
}

std::int64_t end_key(MercatorPoint p) {  // 1 m cells: segment ends of one OSM node share a key
    return static_cast<std::int64_t>(std::llround(p.x_m)) * 100'000'000 + static_cast<std::int64_t>(std::llround(p.y_m));
}

double heading(MercatorPoint a, MercatorPoint b) { return std::atan2(b.y_m - a.y_m, b.x_m - a.x_m); }
double turn(double a, double b) {
    double d = std::fmod(std::abs(a - b), 2 * pi);
    return d > pi ? 2 * pi - d : d;
}

// Joins the segments of one name end to end (straightest continuation first) into chains.
std::vector<Chain> build_chains(const Basemap& map) {
    std::map<std::string, std::vector<std::size_t>> by_name;  // ordered: deterministic output
    for (std::size_t i = 0; i < map.street_names.size(); ++i)
        if (map.street_names[i].line.size() >= 2) by_name[map.street_names[i].name].push_back(i);
    std::vector<Chain> chains;
    for (const auto& [name, ids] : by_name) {
        std::unordered_map<std::int64_t, std::vector<std::size_t>> at_end;
        for (std::size_t id : ids) {
            at_end[end_key(map.street_names[id].line.front())].push_back(id);
            at_end[end_key(map.street_names[id].line.back())].push_back(id);
        }
        std::vector<bool> used(map.street_names.size(), false);
        for (std::size_t seed : ids) {
            if (used[seed]) continue;
            used[seed] = true;
            const StreetName& s0 = map.street_names[seed];
            Chain c{name, s0.road_class, s0.high_confidence, s0.line, 0};
            for (int side = 0; side < 2; ++side) {  // 0: extend the tail, 1: the head (by reversing)
                for (;;) {
                    const MercatorPoint tail = c.line.back();
                    const double h = heading(c.line[c.line.size() - 2], tail);
                    std::size_t best = SIZE_MAX;
                    double best_turn = pi / 3;  // never join across a sharp corner
                    bool best_reversed = false;
                    for (std::size_t id : at_end[end_key(tail)]) {
                        if (used[id]) continue;
                        const auto& l = map.street_names[id].line;
                        const bool rev = end_key(l.back()) == end_key(tail);
                        const double h2 = rev ? heading(l[l.size() - 1], l[l.size() - 2]) : heading(l[0], l[1]);
                        if (const double t = turn(h, h2); t < best_turn) best = id, best_turn = t, best_reversed = rev;
                    }
                    if (best == SIZE_MAX) break;
                    used[best] = true;
                    auto l = map.street_names[best].line;
                    if (best_reversed) std::reverse(l.begin(), l.end());
                    c.line.insert(c.line.end(), l.begin() + 1, l.end());
                    c.road_class = std::max(c.road_class, map.street_names[best].road_class);
                    c.high_confidence = c.high_confidence || map.street_names[best].high_confidence;
                }
                std::reverse(c.line.begin(), c.line.end());
            }
            c.length_m = length_of(c.line);
            chains.push_back(std::move(c));
        }
    }
    return chains;
}

// [SECTION] street labels ---------------------------------------------------------------------------------

struct PxLine {
    std::vector<double> x, y, s;  // points and arc length at each point
    double length() const { return s.empty() ? 0 : s.back(); }
    // Point and heading at arc length t (clamped).
    void at(double t, double& px, double& py, double& ang) const {
        t = std::clamp(t, 0.0, length());
        std::size_t i = static_cast<std::size_t>(std::upper_bound(s.begin(), s.end(), t) - s.begin());
        i = std::clamp<std::size_t>(i, 1, s.size() - 1);
        const double seg = s[i] - s[i - 1];
        const double f = seg > 0 ? (t - s[i - 1]) / seg : 0;
        px = x[i - 1] + (x[i] - x[i - 1]) * f;
        py = y[i - 1] + (y[i] - y[i - 1]) * f;
        ang = std::atan2(y[i] - y[i - 1], x[i] - x[i - 1]);
    }
    // Largest heading change between consecutive segments that overlap [t0, t1], and the overall spread.
    void bend(double t0, double t1, double& max_step, double& spread) const {
        max_step = 0;
        double first = 0, prev = 0, lo = 0, hi = 0;
        bool any = false;
        for (std::size_t i = 1; i < s.size(); ++i) {
            if (s[i] <= t0 || s[i - 1] >= t1 || s[i] - s[i - 1] < 1e-9) continue;
            double a = std::atan2(y[i] - y[i - 1], x[i] - x[i - 1]);
            if (any) {  // unwrap against the previous heading
                while (a - prev > pi) a -= 2 * pi;
                while (a - prev < -pi) a += 2 * pi;
                max_step = std::max(max_step, std::abs(a - prev));
            } else {
                first = lo = hi = a;
            }
            lo = std::min(lo, a), hi = std::max(hi, a);
            prev = a;
            any = true;
        }
        (void)first;
        spread = hi - lo;
    }
};

struct Scratch {
    cairo_surface_t* surface;
    cairo_t* cr;
    cairo_scaled_font_t* font;  // borrowed from cr
    Scratch(double font_px, cairo_font_slant_t slant, cairo_font_weight_t weight) {
        surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
        cr = cairo_create(surface);
        cairo_select_font_face(cr, label_font_family, slant, weight);
        cairo_set_font_size(cr, font_px);
        font = cairo_get_scaled_font(cr);
    }
    ~Scratch() {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
};

struct Shaped {
    std::vector<unsigned long> index;
    std::vector<double> offset;   // glyph origin along the text, px
    std::vector<double> advance;
    double width = 0;
};

Shaped shape(const Scratch& sc, const std::string& text) {
    Shaped out;
    cairo_glyph_t* glyphs = nullptr;
    int n = 0;
    if (cairo_scaled_font_text_to_glyphs(sc.font, 0, 0, text.c_str(), static_cast<int>(text.size()), &glyphs, &n,
                                         nullptr, nullptr, nullptr) != CAIRO_STATUS_SUCCESS)
        return out;
    cairo_text_extents_t e;
    cairo_scaled_font_glyph_extents(sc.font, glyphs, n, &e);
    out.width = e.x_advance;
    for (int i = 0; i < n; ++i) {
        out.index.push_back(glyphs[i].index);
        out.offset.push_back(glyphs[i].x);
        out.advance.push_back((i + 1 < n ? glyphs[i + 1].x : e.x_advance) - glyphs[i].x);
    }
    cairo_glyph_free(glyphs);
    return out;
}

}  // namespace

std::vector<CurvedLabel> layout_street_labels(const Basemap& map, int zoom, const std::vector<PixelBox>& taken) {
    const double font_px = style::street_font_px[style::zi(zoom)];
    if (font_px <= 0 || zoom < style::min_zoom) return {};
    std::vector<Chain> chains = build_chains(map);
    std::vector<std::string> parks;
    for (const auto& g : map.green)
        if (g.kind == GreenKind::Park) parks.push_back(g.name);
    std::stable_sort(chains.begin(), chains.end(), [](const Chain& a, const Chain& b) {
        const bool ma = a.road_class >= style::main_street_min_class, mb = b.road_class >= style::main_street_min_class;
        if (ma != mb) return ma;
        if (a.high_confidence != b.high_confidence) return a.high_confidence;
        return a.length_m > b.length_m;
    });

    Scratch sc{font_px, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL};
    BoxIndex index;
    for (const auto& b : taken) index.add(b);
    const double mpp = metres_per_px(zoom);
    const MercatorBox data = to_mercator(delfshaven_box);
    const double keep_in = std::clamp(style::edge_fade_m / mpp, style::edge_fade_min_px, style::edge_fade_max_px) * 0.6;
    const PixelBox inner{global_px_x(data.min_x_m, zoom) + keep_in, global_px_y(data.max_y_m, zoom) + keep_in,
                         global_px_x(data.max_x_m, zoom) - keep_in, global_px_y(data.min_y_m, zoom) - keep_in};
    const double halo = 2.0, pad = 8.0;
    std::vector<CurvedLabel> out;
    for (const Chain& c : chains) {
        if (zoom < 16 && c.road_class < style::main_street_min_class) continue;
        if (std::find(parks.begin(), parks.end(), c.name) != parks.end()) continue;  // paths named after their park
        if (!c.high_confidence && c.length_m < 130) continue;  // short medium-confidence bits: junction mix-ups
        if (c.length_m / mpp < 40) continue;
        const Shaped sh = shape(sc, c.name);
        if (sh.index.empty()) continue;
        const double W = sh.width;
        PxLine pl;
        for (const auto& p : c.line) {
            const double x = global_px_x(p.x_m, zoom), y = global_px_y(p.y_m, zoom);
            pl.s.push_back(pl.x.empty() ? 0 : pl.s.back() + std::hypot(x - pl.x.back(), y - pl.y.back()));
            pl.x.push_back(x), pl.y.push_back(y);
        }
        const double L = pl.length();
        if (L < W + 2 * pad) continue;
        const double spacing = std::max(3 * W, 520.0);
        std::vector<double> centres{L / 2};
        for (double d = spacing; L / 2 + d <= L - W / 2 - pad; d += spacing) centres.push_back(L / 2 + d), centres.push_back(L / 2 - d);
        for (double c0 : centres) {
            for (double shift : {0.0, 30.0, -30.0, 60.0, -60.0, 100.0, -100.0}) {
                const double mid = c0 + shift;
                const double t0 = mid - W / 2, t1 = mid + W / 2;
                if (t0 < pad || t1 > L - pad) continue;
                double step = 0, spread = 0;
                pl.bend(t0, t1, step, spread);
                if (step > pi / 6 || spread > pi / 4) continue;
                double x0, y0, a0, x1, y1, a1;
                pl.at(t0, x0, y0, a0);
                pl.at(t1, x1, y1, a1);
                const bool reverse = x1 < x0;  // read left to right
                CurvedLabel label{c.name, {}, {1e300, 1e300, -1e300, -1e300}, font_px};
                std::vector<PixelBox> boxes;
                bool ok = true;
                for (std::size_t g = 0; g < sh.index.size() && ok; ++g) {
                    const double along = sh.offset[g] + sh.advance[g] / 2;  // glyph centre along the text
                    const double t = reverse ? t1 - along : t0 + along;
                    double px, py, ang;
                    pl.at(t, px, py, ang);
                    if (reverse) ang += pi;
                    const double ct = std::cos(ang), st = std::sin(ang);
                    // Baseline sits 0.35 em below the line's centre; the origin is half an advance back.
                    const double ox = px - ct * sh.advance[g] / 2 - st * (0.35 * font_px);
                    const double oy = py - st * sh.advance[g] / 2 + ct * (0.35 * font_px);
                    label.glyphs.push_back({sh.index[g], ox, oy, ang});
                    const double r = font_px * 0.55 + halo;
                    const PixelBox b{px - r, py - r, px + r, py + r};
                    if (b.x0 < inner.x0 || b.x1 > inner.x1 || b.y0 < inner.y0 || b.y1 > inner.y1 || index.hits(b)) ok = false;
                    boxes.push_back(b);
                    label.box = {std::min(label.box.x0, b.x0), std::min(label.box.y0, b.y0),
                                 std::max(label.box.x1, b.x1), std::max(label.box.y1, b.y1)};
                }
                if (!ok) continue;
                for (const auto& b : boxes) index.add(b);
                out.push_back(std::move(label));
                break;
            }
        }
    }
    return out;
}

void add_curved_label_path(cairo_t* cr, const CurvedLabel& label, double x0_px, double y0_px) {
    cairo_select_font_face(cr, label_font_family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, label.font_px);
    for (const auto& g : label.glyphs) {
        cairo_save(cr);  // the path is not part of the saved state: glyph outlines accumulate
        cairo_translate(cr, g.x_px - x0_px, g.y_px - y0_px);
        cairo_rotate(cr, g.angle_rad);
        cairo_glyph_t glyph{g.index, 0, 0};
        cairo_glyph_path(cr, &glyph, 1);
        cairo_restore(cr);
    }
}

// [SECTION] park labels -----------------------------------------------------------------------------------

std::string park_display_name(const std::string& register_name) {
    return register_name == "Park" ? "Het Park" : register_name;
}

std::vector<PlacedLabel> layout_park_labels(const Basemap& map, int zoom, const std::vector<PixelBox>& taken) {
    if (zoom < style::park_label_min_zoom) return {};
    // Largest part of each park, largest park first.
    std::map<std::string, std::size_t> largest;
    for (std::size_t i = 0; i < map.green.size(); ++i) {
        const auto& g = map.green[i];
        if (g.kind != GreenKind::Park || g.name.empty() || g.polygon.rings.empty()) continue;
        auto it = largest.find(g.name);
        if (it == largest.end() || polygon_area_m2(g.polygon) > polygon_area_m2(map.green[it->second].polygon))
            largest[g.name] = i;
    }
    std::vector<std::size_t> order;
    for (const auto& [name, i] : largest) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return polygon_area_m2(map.green[a].polygon) > polygon_area_m2(map.green[b].polygon);
    });
    const double font_px = style::park_font_px;
    Scratch sc{font_px, CAIRO_FONT_SLANT_ITALIC, CAIRO_FONT_WEIGHT_BOLD};
    const double mpp = metres_per_px(zoom), halo = 3;
    std::vector<PixelBox> placed = taken;
    std::vector<PlacedLabel> out;
    for (std::size_t i : order) {
        const auto& g = map.green[i];
        const std::string name = park_display_name(g.name);
        const MercatorBox b = bounds_of(g.polygon.rings[0]);
        const double w_px = (b.max_x_m - b.min_x_m) / mpp;
        cairo_text_extents_t e;
        cairo_text_extents(sc.cr, name.c_str(), &e);
        // Fits the park (z15 strictly, z16+ may overhang a little), else wait for a closer zoom.
        if (e.x_advance > w_px * (zoom >= 16 ? 1.6 : 1.0)) continue;
        const MercatorPoint at = label_point(g.polygon);
        const double cx = std::round(global_px_x(at.x_m, zoom)), cy = std::round(global_px_y(at.y_m, zoom));
        PlacedLabel label;
        label.font_px = font_px;
        label.lines.push_back({name, std::round(cx - e.x_advance / 2), std::round(cy + font_px * 0.36)});
        label.box = {cx - e.x_advance / 2 - halo, cy - font_px * 0.6 - halo, cx + e.x_advance / 2 + halo,
                     cy + font_px * 0.6 + halo};
        if (std::any_of(placed.begin(), placed.end(), [&](const PixelBox& p) { return p.intersects(label.box); })) continue;
        placed.push_back(label.box);
        out.push_back(std::move(label));
    }
    return out;
}

}  // namespace bk::map::basemap
