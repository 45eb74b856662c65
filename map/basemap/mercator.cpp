#include "map/basemap/mercator.hpp"

#include <algorithm>
#include <cmath>

namespace bk::map::basemap {

namespace {
constexpr double pi = 3.14159265358979323846;
constexpr double half_world_m = world_size_m / 2.0;
}  // namespace

MercatorPoint lon_lat_to_mercator(double lon_deg, double lat_deg) {
    const double x = earth_radius_m * lon_deg * pi / 180.0;
    const double y = earth_radius_m * std::log(std::tan(pi / 4.0 + lat_deg * pi / 360.0));
    return {x, y};
}

double mercator_to_lon_deg(double x_m) { return x_m / earth_radius_m * 180.0 / pi; }

double mercator_to_lat_deg(double y_m) {
    return (2.0 * std::atan(std::exp(y_m / earth_radius_m)) - pi / 2.0) * 180.0 / pi;
}

MercatorBox to_mercator(const LonLatBox& box) {
    const auto a = lon_lat_to_mercator(box.min_lon_deg, box.min_lat_deg);
    const auto b = lon_lat_to_mercator(box.max_lon_deg, box.max_lat_deg);
    return {a.x_m, a.y_m, b.x_m, b.y_m};
}

double metres_per_px(int zoom) { return world_size_m / tile_size_px / std::ldexp(1.0, zoom); }

TileRange tile_range_for(const LonLatBox& box, int zoom) {
    const auto m = to_mercator(box);
    const double n = std::ldexp(1.0, zoom);
    const double tile_m = world_size_m / n;
    // Tile x grows east from -half_world; tile y grows south from +half_world.
    auto tx = [&](double x_m) { return (x_m + half_world_m) / tile_m; };
    auto ty = [&](double y_m) { return (half_world_m - y_m) / tile_m; };
    const int max_index = static_cast<int>(n) - 1;
    auto lo = [&](double t) { return std::clamp(static_cast<int>(std::floor(t)), 0, max_index); };
    auto hi = [&](double t) { return std::clamp(static_cast<int>(std::ceil(t)) - 1, 0, max_index); };
    return {zoom, lo(tx(m.min_x_m)), lo(ty(m.max_y_m)), hi(tx(m.max_x_m)), hi(ty(m.min_y_m))};
}

MercatorBox tile_box(int zoom, int x, int y) {
    const double tile_m = world_size_m / std::ldexp(1.0, zoom);
    const double min_x = -half_world_m + x * tile_m;
    const double max_y = half_world_m - y * tile_m;
    return {min_x, max_y - tile_m, min_x + tile_m, max_y};
}

}  // namespace bk::map::basemap
