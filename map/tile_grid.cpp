#include "map/tile_grid.hpp"

#include <algorithm>
#include <cmath>

namespace bk::map {

double world_size_px(double zoom) { return kTileSizePx * std::exp2(zoom); }

WorldPoint to_world_px(GridPoint p, double zoom) {
    const double s = world_size_px(zoom);
    return {p.u * s, p.v * s};
}

GridPoint from_world_px(WorldPoint p, double zoom) {
    const double s = world_size_px(zoom);
    return {p.x_px / s, p.y_px / s};
}

bool is_valid(TileId id) {
    if (id.z < 0 || id.z > kMaxTileZoom) return false;
    const long long n = 1LL << id.z;
    return id.x >= 0 && id.y >= 0 && id.x < n && id.y < n;
}

TileId tile_at(GridPoint p, int z) {
    const double n = std::exp2(z);
    const int max_index = int(n) - 1;
    const int x = std::clamp(int(std::floor(p.u * n)), 0, max_index);
    const int y = std::clamp(int(std::floor(p.v * n)), 0, max_index);
    return {z, x, y};
}

GridRect tile_bounds(TileId id) {
    const double n = std::exp2(id.z);
    return {id.x / n, id.y / n, (id.x + 1) / n, (id.y + 1) / n};
}

std::optional<TileId> parent(TileId id) {
    if (id.z <= 0) return std::nullopt;
    return TileId{id.z - 1, id.x >> 1, id.y >> 1};
}

TileId ancestor(TileId id, int z) {
    const int d = id.z - std::clamp(z, 0, id.z);
    return {id.z - d, id.x >> d, id.y >> d};
}

std::array<TileId, 4> children(TileId id) {
    const int z = id.z + 1, x = id.x * 2, y = id.y * 2;
    return {TileId{z, x, y}, TileId{z, x + 1, y}, TileId{z, x, y + 1}, TileId{z, x + 1, y + 1}};
}

std::vector<TileId> tiles_in_rect(GridRect r, int z) {
    std::vector<TileId> out;
    const double n = std::exp2(z);
    const int max_index = int(n) - 1;
    if (r.max_u <= 0.0 || r.max_v <= 0.0 || r.min_u >= 1.0 || r.min_v >= 1.0) return out;
    const int x0 = std::clamp(int(std::floor(r.min_u * n)), 0, max_index);
    const int y0 = std::clamp(int(std::floor(r.min_v * n)), 0, max_index);
    // A rect edge exactly on a tile edge does not pull in the next tile.
    const int x1 = std::clamp(int(std::ceil(r.max_u * n)) - 1, 0, max_index);
    const int y1 = std::clamp(int(std::ceil(r.max_v * n)) - 1, 0, max_index);
    out.reserve(size_t(std::max(0, x1 - x0 + 1)) * size_t(std::max(0, y1 - y0 + 1)));
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) out.push_back({z, x, y});
    return out;
}

TileCover cover_viewport(GridPoint center, double zoom, ScreenSize screen, int min_z, int max_z) {
    TileCover cover;
    cover.z = std::clamp(int(std::lround(zoom)), std::max(0, min_z), std::min(kMaxTileZoom, max_z));
    cover.scale = std::exp2(zoom - cover.z);
    const double half_w_u = screen.w_px / 2.0 / world_size_px(zoom);
    const double half_h_v = screen.h_px / 2.0 / world_size_px(zoom);
    const GridRect r{center.u - half_w_u, center.v - half_h_v, center.u + half_w_u, center.v + half_h_v};
    cover.tiles = tiles_in_rect(r, cover.z);
    const double n = std::exp2(cover.z);
    auto dist2 = [&](const TileId& t) {
        const double du = (t.x + 0.5) / n - center.u, dv = (t.y + 0.5) / n - center.v;
        return du * du + dv * dv;
    };
    std::stable_sort(cover.tiles.begin(), cover.tiles.end(),
                     [&](const TileId& a, const TileId& b) { return dist2(a) < dist2(b); });
    return cover;
}

std::expected<WorldPoint, Error> to_world_px(const TileGrid& grid, LonLat p, double zoom) {
    auto g = grid.to_grid(p);
    if (!g) return std::unexpected(g.error());
    return to_world_px(*g, zoom);
}

std::expected<LonLat, Error> to_lon_lat(const TileGrid& grid, WorldPoint p, double zoom) {
    return grid.to_lon_lat(from_world_px(p, zoom));
}

std::expected<TileId, Error> tile_for(const TileGrid& grid, LonLat p, int z) {
    auto g = grid.to_grid(p);
    if (!g) return std::unexpected(g.error());
    return tile_at(*g, z);
}

std::expected<GridRect, Error> to_grid_rect(const TileGrid& grid, LonLatBox box) {
    GridRect r{1e300, 1e300, -1e300, -1e300};
    constexpr int kSteps = 8;
    for (int i = 0; i <= kSteps; ++i) {
        const double t = double(i) / kSteps;
        const double lon = box.min_lon_deg + t * (box.max_lon_deg - box.min_lon_deg);
        const double lat = box.min_lat_deg + t * (box.max_lat_deg - box.min_lat_deg);
        for (LonLat p : {LonLat{lon, box.min_lat_deg}, LonLat{lon, box.max_lat_deg}, LonLat{box.min_lon_deg, lat},
                         LonLat{box.max_lon_deg, lat}}) {
            auto g = grid.to_grid(p);
            if (!g) return std::unexpected(g.error());
            r.min_u = std::min(r.min_u, g->u);
            r.max_u = std::max(r.max_u, g->u);
            r.min_v = std::min(r.min_v, g->v);
            r.max_v = std::max(r.max_v, g->v);
        }
    }
    return r;
}

}  // namespace bk::map
