#include "map/markers.hpp"

#include "map/str_cat.hpp"

#include <cmath>

namespace bk::map {

std::expected<std::vector<GridPoint>, Error> to_grid_points(const TileGrid& grid, std::span<const LonLat> points) {
    std::vector<GridPoint> out;
    out.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        auto g = grid.to_grid(points[i]);
        if (!g) {
            return std::unexpected(Error{g.error().kind, str_cat("marker ", i, " at (", points[i].lon_deg, ", ",
                                                                 points[i].lat_deg, "): ", g.error().message)});
        }
        out.push_back(*g);
    }
    return out;
}

std::vector<ScreenPoint> project_markers(const Viewport& view, std::span<const GridPoint> points) {
    std::vector<ScreenPoint> out;
    out.reserve(points.size());
    for (const GridPoint& p : points) out.push_back(view.to_screen(p));
    return out;
}

std::vector<MarkerCluster> cluster_markers(std::span<const ScreenPoint> points, double radius_px, ScreenSize screen,
                                           double margin_px) {
    const bool cull = screen.w_px > 0 && screen.h_px > 0;
    auto visible = [&](ScreenPoint p) {
        return !cull || (p.x_px >= -margin_px && p.y_px >= -margin_px && p.x_px <= screen.w_px + margin_px &&
                         p.y_px <= screen.h_px + margin_px);
    };
    std::vector<bool> taken(points.size(), false);
    std::vector<MarkerCluster> clusters;
    const double r2 = radius_px * radius_px;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (taken[i] || !visible(points[i])) continue;
        MarkerCluster c;
        double sx = 0, sy = 0;
        for (std::size_t j = i; j < points.size(); ++j) {
            if (taken[j] || !visible(points[j])) continue;
            const double dx = points[j].x_px - points[i].x_px, dy = points[j].y_px - points[i].y_px;
            if (dx * dx + dy * dy > r2) continue;
            taken[j] = true;
            c.members.push_back(j);
            sx += points[j].x_px;
            sy += points[j].y_px;
        }
        c.center_px = {sx / double(c.members.size()), sy / double(c.members.size())};
        clusters.push_back(std::move(c));
    }
    return clusters;
}

std::optional<std::size_t> hit_test(std::span<const MarkerCluster> clusters, ScreenPoint tap, double touch_radius_px) {
    std::optional<std::size_t> best;
    double best_d = touch_radius_px;
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        const double d = std::hypot(clusters[i].center_px.x_px - tap.x_px, clusters[i].center_px.y_px - tap.y_px);
        if (d <= best_d) {
            best_d = d;
            best = i;
        }
    }
    return best;
}

}  // namespace bk::map
