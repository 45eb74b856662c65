// WebMercatorGrid — the standard XYZ / OSM / "GoogleMapsCompatible" grid (EPSG:3857, 256 px tiles,
// y from the top). Pure math (spherical Mercator formulas of the OSM "Slippy map tilenames" wiki),
// no PROJ needed; tests check it against PROJ's EPSG:3857.
//
// Usage:
//   bk::map::WebMercatorGrid grid;
//   GridPoint g = *grid.to_grid(LonLat{4.45, 51.91});      // tile_at(g, 16) == {16, 33578, 21554}
//   WebMercator m = WebMercatorGrid::to_web_mercator(g);
// Limits: latitudes beyond ±85.0511287798° (the square's edge) are an InvalidArgument error.
// Threads: stateless, any thread.
#pragma once

#include "map/tile_grid.hpp"

namespace bk::map {

class WebMercatorGrid final : public TileGrid {
public:
    static constexpr double kEarthRadiusM = 6378137.0;
    static constexpr double kMaxLatDeg = 85.05112877980659;
    static constexpr double kHalfExtentM = 20037508.342789244;  // pi * R

    GridKind kind() const override { return GridKind::WebMercator; }
    std::string_view name() const override { return "EPSG:3857"; }
    std::expected<GridPoint, Error> to_grid(LonLat p) const override;
    std::expected<LonLat, Error> to_lon_lat(GridPoint p) const override;
    NativeBounds tile_bounds_native(TileId id) const override;

    static GridPoint to_grid(WebMercator m);
    static WebMercator to_web_mercator(GridPoint p);
};

}  // namespace bk::map
