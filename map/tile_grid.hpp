// TileGrid — a square tile matrix set (256 px tiles, 2^z x 2^z tiles at level z, y from the top)
// and the grid-neutral tile math shared by every grid: world pixels, tile ids, tile covers.
//
// Usage:
//   bk::map::WebMercatorGrid grid;
//   GridPoint c = *grid.to_grid(LonLat{4.45, 51.91});
//   TileId t = tile_at(c, 16);                                     // {16, 33578, 21554}
//   TileCover cover = cover_viewport(c, 15.4, {1920, 1080}, 0, 19); // z to fetch + tiles, centre first
// Positions are GridPoints (u, v in [0, 1] over the matrix at z0); world px = unit * 256 * 2^zoom.
// Threads: the free functions are pure (any thread). A grid object is used by one thread at a time
// (a grid may hold a PROJ context); create one per thread.
// (An RD New / EPSG:28992 grid existed but was never drawn: PDOK BRT-A in RD New would need raster
// reprojection under the Web Mercator markers; PDOK's EPSG:3857 matrix set serves the same map. Removed.)
#pragma once

#include "map/error.hpp"
#include "map/geo_types.hpp"

#include <array>
#include <expected>
#include <optional>
#include <string_view>
#include <vector>

namespace bk::map {

inline constexpr int kTileSizePx = 256;
inline constexpr int kMaxTileZoom = 24;

enum class GridKind { WebMercator, RdNew };

// Bounds in the grid's own projected CRS (metres): EPSG:3857 or EPSG:28992.
struct NativeBounds {
    double min_x_m = 0.0;
    double min_y_m = 0.0;
    double max_x_m = 0.0;
    double max_y_m = 0.0;
};

class TileGrid {
public:
    virtual ~TileGrid() = default;
    virtual GridKind kind() const = 0;
    virtual std::string_view name() const = 0;   // "EPSG:3857" / "EPSG:28992"
    virtual std::expected<GridPoint, Error> to_grid(LonLat p) const = 0;
    virtual std::expected<LonLat, Error> to_lon_lat(GridPoint p) const = 0;
    virtual NativeBounds tile_bounds_native(TileId id) const = 0;
};

// --- grid-neutral math (pure, any thread) -----------------------------------------------------

double world_size_px(double zoom);                         // 256 * 2^zoom
WorldPoint to_world_px(GridPoint p, double zoom);
GridPoint from_world_px(WorldPoint p, double zoom);
bool is_valid(TileId id);                                   // 0 <= z <= 24, x,y in [0, 2^z)
TileId tile_at(GridPoint p, int z);                         // clamped into the matrix
GridRect tile_bounds(TileId id);                            // in grid units
std::optional<TileId> parent(TileId id);                    // none at z0
TileId ancestor(TileId id, int z);                          // z <= id.z
std::array<TileId, 4> children(TileId id);                  // TL, TR, BL, BR
std::vector<TileId> tiles_in_rect(GridRect r, int z);       // every tile touching r (row-major)

// The tiles to fetch for a viewport: the integer zoom nearest the fractional one (clamped to
// [min_z, max_z]), the screen px per tile px, and the visible tiles sorted centre first.
struct TileCover {
    int z = 0;
    double scale = 1.0;
    std::vector<TileId> tiles;
};
TileCover cover_viewport(GridPoint center, double zoom, ScreenSize screen, int min_z, int max_z);

// Lon/lat <-> world pixel at a fractional zoom, and the tile holding a lon/lat, through `grid`.
std::expected<WorldPoint, Error> to_world_px(const TileGrid& grid, LonLat p, double zoom);
std::expected<LonLat, Error> to_lon_lat(const TileGrid& grid, WorldPoint p, double zoom);
std::expected<TileId, Error> tile_for(const TileGrid& grid, LonLat p, int z);

// Bounding GridRect of a lon/lat box (samples the edges, so it also holds for RD New's curved edges).
std::expected<GridRect, Error> to_grid_rect(const TileGrid& grid, LonLatBox box);

}  // namespace bk::map
