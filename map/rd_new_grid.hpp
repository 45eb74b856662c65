// RdNewGrid — Geonovum's NetherlandsRDNewQuad tile matrix set (EPSG:28992) as PDOK serves it:
// origin top-left (-285401.92, 903401.92), resolution(z) = 3440.64 / 2^z m/px, 256 px tiles,
// 2^z x 2^z tiles, y from the top (/work/shared/TILES.md). Lon/lat go through PROJ by EPSG code.
//
// Usage:
//   auto grid = bk::map::RdNewGrid::create();          // std::expected<RdNewGrid, Error>
//   GridPoint g = *grid->to_grid(LonLat{4.45, 51.91});
//   TileId t = tile_at(g, 14);
//   RdNew rd = RdNewGrid::to_rd_new(g);
// Threads: owns a PROJ context — one thread at a time; create one per thread.
#pragma once

#include "map/projection.hpp"
#include "map/tile_grid.hpp"

namespace bk::map {

class RdNewGrid final : public TileGrid {
public:
    static constexpr double kOriginXM = -285401.92;
    static constexpr double kOriginYM = 903401.92;
    static constexpr double kResolutionZ0MPerPx = 3440.64;
    static constexpr double kExtentM = kResolutionZ0MPerPx * kTileSizePx;  // 880803.84 m

    static std::expected<RdNewGrid, Error> create();

    GridKind kind() const override { return GridKind::RdNew; }
    std::string_view name() const override { return "EPSG:28992"; }
    std::expected<GridPoint, Error> to_grid(LonLat p) const override;
    std::expected<LonLat, Error> to_lon_lat(GridPoint p) const override;
    NativeBounds tile_bounds_native(TileId id) const override;

    static double resolution_m_per_px(int z);
    static GridPoint to_grid(RdNew p);
    static RdNew to_rd_new(GridPoint p);

private:
    explicit RdNewGrid(Projection wgs_to_rd) : wgs_to_rd_(std::move(wgs_to_rd)) {}
    Projection wgs_to_rd_;
};

}  // namespace bk::map
