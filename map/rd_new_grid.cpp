#include "map/rd_new_grid.hpp"

#include <cmath>

namespace bk::map {

std::expected<RdNewGrid, Error> RdNewGrid::create() {
    auto p = Projection::create(4326, 28992);
    if (!p) return std::unexpected(p.error());
    return RdNewGrid(std::move(*p));
}

double RdNewGrid::resolution_m_per_px(int z) { return kResolutionZ0MPerPx / std::exp2(z); }

GridPoint RdNewGrid::to_grid(RdNew p) { return {(p.x_m - kOriginXM) / kExtentM, (kOriginYM - p.y_m) / kExtentM}; }

RdNew RdNewGrid::to_rd_new(GridPoint p) { return {kOriginXM + p.u * kExtentM, kOriginYM - p.v * kExtentM}; }

std::expected<GridPoint, Error> RdNewGrid::to_grid(LonLat p) const {
    auto xy = wgs_to_rd_.forward(p.lon_deg, p.lat_deg);
    if (!xy) return std::unexpected(xy.error());
    return to_grid(RdNew{xy->first, xy->second});
}

std::expected<LonLat, Error> RdNewGrid::to_lon_lat(GridPoint p) const {
    const RdNew rd = to_rd_new(p);
    auto xy = wgs_to_rd_.inverse(rd.x_m, rd.y_m);
    if (!xy) return std::unexpected(xy.error());
    return LonLat{xy->first, xy->second};
}

NativeBounds RdNewGrid::tile_bounds_native(TileId id) const {
    const GridRect r = tile_bounds(id);
    const RdNew tl = to_rd_new({r.min_u, r.min_v});
    const RdNew br = to_rd_new({r.max_u, r.max_v});
    return {tl.x_m, br.y_m, br.x_m, tl.y_m};
}

}  // namespace bk::map
