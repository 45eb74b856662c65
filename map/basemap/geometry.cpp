#include "map/basemap/geometry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bk::map::basemap {

namespace {

double seg_dist2(MercatorPoint p, MercatorPoint a, MercatorPoint b) {
    const double dx = b.x_m - a.x_m, dy = b.y_m - a.y_m;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x_m - a.x_m) * dx + (p.y_m - a.y_m) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = a.x_m + t * dx - p.x_m, ey = a.y_m + t * dy - p.y_m;
    return ex * ex + ey * ey;
}

// Iterative Douglas–Peucker over pts[first..last]; marks kept points.
void dp_mark(const std::vector<MercatorPoint>& pts, double tol2, std::vector<char>& keep) {
    std::vector<std::pair<std::size_t, std::size_t>> stack{{0, pts.size() - 1}};
    while (!stack.empty()) {
        auto [a, b] = stack.back();
        stack.pop_back();
        double best = -1;
        std::size_t best_i = a;
        for (std::size_t i = a + 1; i < b; ++i) {
            const double d = seg_dist2(pts[i], pts[a], pts[b]);
            if (d > best) best = d, best_i = i;
        }
        if (best > tol2) {
            keep[best_i] = 1;
            stack.push_back({a, best_i});
            stack.push_back({best_i, b});
        }
    }
}

}  // namespace

std::vector<MercatorPoint> simplify_polyline(const std::vector<MercatorPoint>& line, double tolerance_m) {
    if (line.size() <= 2) return line;
    std::vector<char> keep(line.size(), 0);
    keep.front() = keep.back() = 1;
    dp_mark(line, tolerance_m * tolerance_m, keep);
    std::vector<MercatorPoint> out;
    for (std::size_t i = 0; i < line.size(); ++i)
        if (keep[i]) out.push_back(line[i]);
    return out;
}

Ring simplify_ring(const Ring& ring, double tolerance_m) {
    if (ring.size() < 3) return {};
    // Split the ring at point 0 and the point farthest from it, simplify both halves.
    std::size_t far = 0;
    double far_d = -1;
    for (std::size_t i = 1; i < ring.size(); ++i) {
        const double dx = ring[i].x_m - ring[0].x_m, dy = ring[i].y_m - ring[0].y_m;
        if (dx * dx + dy * dy > far_d) far_d = dx * dx + dy * dy, far = i;
    }
    std::vector<MercatorPoint> a(ring.begin(), ring.begin() + static_cast<long>(far) + 1);
    std::vector<MercatorPoint> b(ring.begin() + static_cast<long>(far), ring.end());
    b.push_back(ring[0]);
    a = simplify_polyline(a, tolerance_m);
    b = simplify_polyline(b, tolerance_m);
    Ring out = a;
    out.insert(out.end(), b.begin() + 1, b.end() - 1);
    if (out.size() < 3) return {};
    return out;
}

std::vector<Polyline> clip_polyline(const Polyline& line, const MercatorBox& box) {
    std::vector<Polyline> out;
    Polyline cur;
    auto flush = [&] {
        if (cur.size() >= 2) out.push_back(std::move(cur));
        cur.clear();
    };
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        MercatorPoint a = line[i], b = line[i + 1];
        // Liang–Barsky
        double t0 = 0, t1 = 1;
        const double dx = b.x_m - a.x_m, dy = b.y_m - a.y_m;
        const double p[4] = {-dx, dx, -dy, dy};
        const double q[4] = {a.x_m - box.min_x_m, box.max_x_m - a.x_m, a.y_m - box.min_y_m, box.max_y_m - a.y_m};
        bool visible = true;
        for (int k = 0; k < 4 && visible; ++k) {
            if (p[k] == 0) {
                if (q[k] < 0) visible = false;
            } else {
                const double t = q[k] / p[k];
                if (p[k] < 0) t0 = std::max(t0, t);
                else t1 = std::min(t1, t);
                if (t0 > t1) visible = false;
            }
        }
        if (!visible) {
            flush();
            continue;
        }
        const MercatorPoint ca{a.x_m + t0 * dx, a.y_m + t0 * dy};
        const MercatorPoint cb{a.x_m + t1 * dx, a.y_m + t1 * dy};
        if (cur.empty() || t0 > 0) {
            flush();
            cur.push_back(ca);
        }
        cur.push_back(cb);
        if (t1 < 1) flush();
    }
    flush();
    return out;
}

Ring clip_ring(const Ring& ring, const MercatorBox& box) {
    Ring cur = ring;
    for (int edge = 0; edge < 4 && !cur.empty(); ++edge) {
        auto inside = [&](MercatorPoint p) {
            switch (edge) {
                case 0: return p.x_m >= box.min_x_m;
                case 1: return p.x_m <= box.max_x_m;
                case 2: return p.y_m >= box.min_y_m;
                default: return p.y_m <= box.max_y_m;
            }
        };
        auto cross = [&](MercatorPoint a, MercatorPoint b) {
            double t = 0;
            switch (edge) {
                case 0: t = (box.min_x_m - a.x_m) / (b.x_m - a.x_m); break;
                case 1: t = (box.max_x_m - a.x_m) / (b.x_m - a.x_m); break;
                case 2: t = (box.min_y_m - a.y_m) / (b.y_m - a.y_m); break;
                default: t = (box.max_y_m - a.y_m) / (b.y_m - a.y_m); break;
            }
            return MercatorPoint{a.x_m + t * (b.x_m - a.x_m), a.y_m + t * (b.y_m - a.y_m)};
        };
        Ring next;
        for (std::size_t i = 0; i < cur.size(); ++i) {
            const MercatorPoint a = cur[i], b = cur[(i + 1) % cur.size()];
            const bool ia = inside(a), ib = inside(b);
            if (ia && ib) next.push_back(b);
            else if (ia && !ib) next.push_back(cross(a, b));
            else if (!ia && ib) next.push_back(cross(a, b)), next.push_back(b);
        }
        cur = std::move(next);
    }
    if (cur.size() < 3) return {};
    return cur;
}

double signed_area_m2(const Ring& ring) {
    double s = 0;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
        const auto& a = ring[i];
        const auto& b = ring[(i + 1) % n];
        s += a.x_m * b.y_m - b.x_m * a.y_m;
    }
    return s / 2;
}

double polygon_area_m2(const Polygon& poly) {
    double s = 0;
    for (std::size_t i = 0; i < poly.rings.size(); ++i) {
        const double a = std::abs(signed_area_m2(poly.rings[i]));
        s += i == 0 ? a : -a;
    }
    return s;
}

MercatorBox bounds_of(const std::vector<MercatorPoint>& pts) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    MercatorBox b{inf, inf, -inf, -inf};
    for (const auto& p : pts) {
        b.min_x_m = std::min(b.min_x_m, p.x_m);
        b.min_y_m = std::min(b.min_y_m, p.y_m);
        b.max_x_m = std::max(b.max_x_m, p.x_m);
        b.max_y_m = std::max(b.max_y_m, p.y_m);
    }
    return b;
}

bool contains(const Polygon& poly, MercatorPoint p) {
    bool in = false;
    for (const auto& ring : poly.rings) {
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const auto& a = ring[i];
            const auto& b = ring[j];
            if ((a.y_m > p.y_m) != (b.y_m > p.y_m) &&
                p.x_m < (b.x_m - a.x_m) * (p.y_m - a.y_m) / (b.y_m - a.y_m) + a.x_m)
                in = !in;
        }
    }
    return in;
}

double signed_distance_m(const Polygon& poly, MercatorPoint p) {
    double best = std::numeric_limits<double>::infinity();
    for (const auto& ring : poly.rings)
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
            best = std::min(best, seg_dist2(p, ring[i], ring[j]));
    const double d = std::sqrt(best);
    return contains(poly, p) ? d : -d;
}

MercatorPoint label_point(const Polygon& poly) {
    if (poly.rings.empty() || poly.rings[0].empty()) return {};
    MercatorBox box = bounds_of(poly.rings[0]);
    MercatorPoint best{(box.min_x_m + box.max_x_m) / 2, (box.min_y_m + box.max_y_m) / 2};
    double best_d = signed_distance_m(poly, best);
    // Coarse-to-fine grid search around the best point so far.
    double step_x = (box.max_x_m - box.min_x_m) / 24, step_y = (box.max_y_m - box.min_y_m) / 24;
    MercatorPoint centre = best;
    int half = 12;
    for (int round = 0; round < 4; ++round) {
        for (int iy = -half; iy <= half; ++iy)
            for (int ix = -half; ix <= half; ++ix) {
                const MercatorPoint p{centre.x_m + ix * step_x, centre.y_m + iy * step_y};
                const double d = signed_distance_m(poly, p);
                if (d > best_d) best_d = d, best = p;
            }
        centre = best;
        step_x /= 4, step_y /= 4;
        half = 8;
    }
    return best;
}

double point_segment_distance_m(MercatorPoint p, MercatorPoint a, MercatorPoint b) {
    return std::sqrt(seg_dist2(p, a, b));
}

}  // namespace bk::map::basemap
