// Web Mercator (EPSG:3857) projection and XYZ tile math for the basemap tools.
//
// What: lon/lat <-> Web Mercator metres; the tile range that covers a lon/lat box at zoom z; the
// Mercator box of one tile. Tiles use the OSM/XYZ scheme: 2^z x 2^z tiles of 256 px, y counts from the top.
// Usage: auto r = tile_range_for(delfshaven_box, 15); for y in r.min_y..r.max_y, x in r.min_x..r.max_x: ...
// Limits: spherical formulas (R = 6378137 m), valid for |lat| < 85.05°. Any thread.
#pragma once
#include "map/basemap/basemap.hpp"

namespace bk::map::basemap {

inline constexpr double earth_radius_m = 6378137.0;
inline constexpr double world_size_m = 2.0 * 3.14159265358979323846 * earth_radius_m;  // 40075016.686
inline constexpr int tile_size_px = 256;

struct LonLatBox {
    double min_lon_deg, min_lat_deg, max_lon_deg, max_lat_deg;
};
// The project box (../shared/TILES.md "Delfshaven at a glance").
inline constexpr LonLatBox delfshaven_box{4.42, 51.90, 4.49, 51.93};

MercatorPoint lon_lat_to_mercator(double lon_deg, double lat_deg);
double mercator_to_lon_deg(double x_m);
double mercator_to_lat_deg(double y_m);
MercatorBox to_mercator(const LonLatBox& box);

struct TileRange {
    int zoom;
    int min_x, min_y, max_x, max_y;  // inclusive
    int count() const { return (max_x - min_x + 1) * (max_y - min_y + 1); }
};

// Tiles whose area overlaps the box (a box edge exactly on a tile edge does not pull in the next tile).
TileRange tile_range_for(const LonLatBox& box, int zoom);
// Mercator metres covered by tile (z, x, y).
MercatorBox tile_box(int zoom, int x, int y);
// Metres per pixel (Mercator metres) at zoom.
double metres_per_px(int zoom);

}  // namespace bk::map::basemap
